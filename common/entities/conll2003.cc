#include "common/entities/conll2003.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace claims::entities {
namespace {

// Appends the sentence being read to the last document.
void CloseSentence(syntax::SyntaxSentence* words, std::vector<EntitySpan>* spans,
                   std::vector<EntityDocument>* docs) {
  if (words->empty()) return;
  if (docs->empty()) docs->emplace_back();
  docs->back().sentences.push_back(std::move(*words));
  docs->back().entities.push_back(std::move(*spans));
  words->clear();
  spans->clear();
}

}  // namespace

absl::StatusOr<std::vector<EntityDocument>> ReadConll2003(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ParseConll2003(buffer.str(), path);
}

absl::StatusOr<std::vector<EntityDocument>> ParseConll2003(absl::string_view text,
                                                           absl::string_view name) {
  std::vector<EntityDocument> docs;
  syntax::SyntaxSentence words;
  std::vector<EntitySpan> spans;
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      CloseSentence(&words, &spans, &docs);
      continue;
    }
    std::vector<absl::string_view> cols = absl::StrSplit(line, ' ', absl::SkipEmpty());
    if (cols.size() != 4) {
      return absl::InvalidArgumentError(absl::StrCat(name, ":", line_no, ": expected 4 columns"));
    }
    if (cols[0] == "-DOCSTART-") {
      CloseSentence(&words, &spans, &docs);
      docs.emplace_back();
      continue;
    }
    const int i = static_cast<int>(words.size());
    syntax::SyntaxWord word;
    word.form = std::string(cols[0]);
    word.xpos = std::string(cols[1]);
    words.push_back(std::move(word));
    const absl::string_view tag = cols[3];
    if (tag == "O") continue;
    std::optional<EntityType> type;
    if (tag.size() > 2 && tag[1] == '-') type = ParseEntityType(tag.substr(2));
    if (!type || (tag[0] != 'I' && tag[0] != 'B')) {
      return absl::InvalidArgumentError(absl::StrCat(name, ":", line_no, ": bad tag ", tag));
    }
    // IOB1: I- continues a name of the same type that ends on the previous
    // word; B- starts a new one right after a name of the same type.
    const bool continues = tag[0] == 'I' && !spans.empty() && spans.back().end == i &&
                           spans.back().type == *type;
    if (continues) {
      spans.back().end = i + 1;
    } else {
      spans.push_back(EntitySpan{i, i + 1, *type});
    }
  }
  CloseSentence(&words, &spans, &docs);
  docs.erase(std::remove_if(docs.begin(), docs.end(),
                            [](const EntityDocument& d) { return d.sentences.empty(); }),
             docs.end());
  return docs;
}

}  // namespace claims::entities
