// Test helpers: the extractor over the bundled data (knowledge/, or
// $CLAIMS_DATA_DIR; see common/util/bundled_data.h).
//
//   TEST(MyStage, ...) {
//     auto r = BundledExtractor().Analyze(article);
//   }
//
// For tests only. BundledExtractor() is created on first use and lives as
// long as the test binary; it is thread-safe as Extractor is.
#ifndef CLAIMS_COMMON_EXTRACT_EXTRACTOR_TESTING_H_
#define CLAIMS_COMMON_EXTRACT_EXTRACTOR_TESTING_H_

#include <cstdlib>
#include <iostream>
#include <memory>

#include "common/extract/extractor.h"
#include "common/util/bundled_data.h"

namespace claims {

// A configuration reading the bundled knowledge base and taxonomy; tests
// change what they exercise (limits, extra files) on top of it.
inline ExtractorConfig BundledExtractorConfig() {
  ExtractorConfig config;
  config.kb_dir = BundledDataDir() + "/kb";
  config.taxonomy_file = BundledDataDir() + "/taxonomy/topics.jsonl";
  return config;
}

// One extractor of BundledExtractorConfig() per test binary. A test binary
// without its data cannot test anything: it stops at once, saying why.
inline const Extractor& BundledExtractor() {
  static const Extractor* const extractor = [] {
    absl::StatusOr<std::unique_ptr<Extractor>> e = Extractor::Create(BundledExtractorConfig());
    if (!e.ok()) {
      std::cerr << "cannot load the bundled extractor: " << e.status() << "\n";
      std::abort();
    }
    return e->release();
  }();
  return *extractor;
}

}  // namespace claims

#endif  // CLAIMS_COMMON_EXTRACT_EXTRACTOR_TESTING_H_
