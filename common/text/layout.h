// Article layout: finds the plain-text header of a body in the seed layout
// and splits the body into blocks (paragraphs) tagged with their section.
//
// Seed layout:
//   Title line
//   - Author[, Author...]          ("- -" when absent)
//   - date                         ("- -" when absent)
//   paragraphs, one per line; short unpunctuated lines are headings; a
//   paragraph starting "Image Caption:" is a caption; paragraphs after an
//   "About the Author" line are the author bio.
// A "Key: value" header ("Title: ...", "Author: ...", "Date: ...") ended by a
// blank line is understood too. Unknown header fields are INVALID_ARGUMENT.
//
//   ASSIGN_OR_RETURN(ArticleLayout layout, ParseLayout(body));
//   for (const TextBlock& b : layout.blocks) Segment(body, b);
#ifndef CLAIMS_COMMON_TEXT_LAYOUT_H_
#define CLAIMS_COMMON_TEXT_LAYOUT_H_

#include <cstddef>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/statusor.h"
#include "claims/v1/claims.pb.h"

namespace claims::text {

// A run of body text [start, end) (byte offsets) from one section.
struct TextBlock {
  size_t start = 0;
  size_t end = 0;
  claims::v1::Section section = claims::v1::SECTION_BODY;
};

struct ArticleLayout {
  // True when the body begins with a recognised plain-text header.
  bool has_header = false;
  std::string title;
  std::vector<std::string> authors;
  // Date as written in the header ("" when absent or "-"), and its span.
  std::string date_text;
  size_t date_start = 0;
  size_t date_end = 0;
  // Every non-empty part of the body, in order, header lines included.
  std::vector<TextBlock> blocks;
};

// Splits `body` into blocks. INVALID_ARGUMENT for an unknown header field.
[[nodiscard]] absl::StatusOr<ArticleLayout> ParseLayout(absl::string_view body);

}  // namespace claims::text

#endif  // CLAIMS_COMMON_TEXT_LAYOUT_H_
