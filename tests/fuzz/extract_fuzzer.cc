// libFuzzer target: arbitrary bytes as an article body through
// Extractor::Analyze (layout, sentences, tokens, dates, mentions, topics,
// claims), checking the API's promises on every success.
//
// Build and run with scripts/fuzz.sh; the seeds are in tests/fuzz/corpus/.
#include <cstddef>
#include <cstdint>
#include <string>

#include "tests/fuzz/analyze_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const claims::Extractor& extractor = claims::fuzz::BundledExtractor();
  claims::v1::Article article;
  article.set_body(std::string(reinterpret_cast<const char*>(data), size));
  claims::fuzz::AnalyzeAndCheck(extractor, article);
  return 0;
}
