// libFuzzer target: like extract_fuzzer, with the request fields that steer
// extraction taken from the input too. Input format, so seeds stay readable:
//
//   published\n      Article.published ("" = unknown)
//   title\n          Article.title
//   authors\n        Article.authors, separated by ';'
//   body...          the rest
//
// An input with fewer lines leaves the missing fields (and the body) empty.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "tests/fuzz/analyze_check.h"

namespace {

// Removes and returns the first line of *rest ("" when none is left).
absl::string_view NextLine(absl::string_view* rest) {
  size_t newline = rest->find('\n');
  absl::string_view line = rest->substr(0, newline);
  rest->remove_prefix(newline == absl::string_view::npos ? rest->size()
                                                          : newline + 1);
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const claims::Extractor& extractor = claims::fuzz::BundledExtractor();
  absl::string_view rest(reinterpret_cast<const char*>(data), size);
  claims::v1::Article article;
  article.set_published(std::string(NextLine(&rest)));
  article.set_title(std::string(NextLine(&rest)));
  absl::string_view authors = NextLine(&rest);
  if (!authors.empty()) {
    for (absl::string_view a : absl::StrSplit(authors, ';')) {
      article.add_authors(std::string(a));
    }
  }
  article.set_body(std::string(rest));
  claims::fuzz::AnalyzeAndCheck(extractor, article);
  return 0;
}
