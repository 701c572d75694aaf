// Shared by the extractor fuzzers: one Extractor over the bundled knowledge,
// and the checks that turn a broken promise of Extractor::Analyze into a
// crash the fuzzer reports, not only crashes and sanitizer errors.
//
//   const claims::Extractor& e = claims::fuzz::BundledExtractor();
//   claims::fuzz::AnalyzeAndCheck(e, article);
#ifndef CLAIMS_TESTS_FUZZ_ANALYZE_CHECK_H_
#define CLAIMS_TESTS_FUZZ_ANALYZE_CHECK_H_

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "claims/v1/claims.pb.h"
#include "common/extract/extractor.h"

namespace claims::fuzz {

// Created on first use and kept for the process's life (reachable, so not a
// leak): loading the knowledge base takes far longer than one input.
inline const Extractor& BundledExtractor() {
  static const Extractor* extractor = [] {
    ExtractorConfig config;
    config.kb_dir = CLAIMS_SOURCE_DATA_DIR "/kb";
    config.taxonomy_file = CLAIMS_SOURCE_DATA_DIR "/taxonomy/topics.jsonl";
    absl::StatusOr<std::unique_ptr<Extractor>> created = Extractor::Create(config);
    if (!created.ok()) {
      std::fprintf(stderr, "fuzz: cannot create the extractor: %s\n",
                   created.status().ToString().c_str());
      std::abort();
    }
    return created->release();
  }();
  return *extractor;
}

[[noreturn]] inline void Violated(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz: Analyze broke its contract: %s (%s)\n", what,
               detail.c_str());
  std::abort();
}

// True when byte offset `i` of valid UTF-8 `s` starts a code point or is the
// end of `s`.
inline bool OnBoundary(const std::string& s, uint32_t i) {
  return i == s.size() ||
         (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80);
}

// A span [start, end) of the body with the text the response gives for it.
template <typename T>
void CheckSpan(const char* kind, int index, const T& item,
               const std::string& body) {
  const std::string where = std::string(kind) + " " + std::to_string(index) +
                            " [" + std::to_string(item.start()) + ", " +
                            std::to_string(item.end()) + ") of a " +
                            std::to_string(body.size()) + "-byte body";
  if (item.start() > item.end()) Violated("start > end", where);
  if (item.end() > body.size()) Violated("span past the body", where);
  if (!OnBoundary(body, item.start()) || !OnBoundary(body, item.end())) {
    Violated("span not on UTF-8 boundaries", where);
  }
  if (item.text() != body.substr(item.start(), item.end() - item.start())) {
    Violated("text differs from the body at its span", where);
  }
}

// Runs Analyze; errors are fine (hostile input is expected to be refused),
// a success must keep every promise of the API.
inline void AnalyzeAndCheck(const Extractor& extractor,
                            const claims::v1::Article& article) {
  absl::StatusOr<claims::v1::AnalyzeResponse> result = extractor.Analyze(article);
  if (!result.ok()) {
    if (result.status().code() != absl::StatusCode::kInvalidArgument &&
        result.status().code() != absl::StatusCode::kResourceExhausted) {
      Violated("unexpected error code", result.status().ToString());
    }
    return;
  }
  const claims::v1::AnalyzeResponse& r = *result;
  // The offsets refer to the body as submitted.
  const std::string& body = article.body();
  if (r.article().article().body() != body) {
    Violated("response body differs from the request body", "");
  }
  const std::string& article_id = r.article().article().id();
  if (article_id.empty()) Violated("empty article id", "");
  if (!article.id().empty() && article_id != article.id()) {
    Violated("client article id not kept", article_id);
  }
  const uint32_t sentences = static_cast<uint32_t>(r.sentences_size());
  for (int i = 0; i < r.sentences_size(); ++i) {
    CheckSpan("sentence", i, r.sentences(i), body);
  }
  for (int i = 0; i < r.mentions_size(); ++i) {
    CheckSpan("mention", i, r.mentions(i), body);
    if (r.mentions(i).sentence() >= sentences) {
      Violated("mention names no sentence", std::to_string(i));
    }
  }
  for (int i = 0; i < r.timexes_size(); ++i) {
    CheckSpan("timex", i, r.timexes(i), body);
    if (r.timexes(i).sentence() >= sentences) {
      Violated("timex names no sentence", std::to_string(i));
    }
  }
  absl::flat_hash_set<std::string> ids;
  for (int i = 0; i < r.claims_size(); ++i) {
    const claims::v1::Claim& c = r.claims(i);
    CheckSpan("claim", i, c, body);
    if (!ids.insert(c.id()).second) Violated("duplicate claim id", c.id());
    if (c.article_id() != article_id) Violated("claim of another article", c.id());
  }
  if (r.article().claim_count() != static_cast<uint32_t>(r.claims_size())) {
    Violated("claim_count differs from the claims returned", "");
  }
}

}  // namespace claims::fuzz

#endif  // CLAIMS_TESTS_FUZZ_ANALYZE_CHECK_H_
