#include "common/syntax/conllu.h"

#include <fstream>
#include <sstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace claims::syntax {

absl::StatusOr<std::vector<SyntaxSentence>> ReadConllu(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ParseConllu(buffer.str(), path);
}

absl::StatusOr<std::vector<SyntaxSentence>> ParseConllu(absl::string_view text,
                                                        absl::string_view name) {
  std::vector<SyntaxSentence> sentences;
  SyntaxSentence current;
  int line_no = 0;
  auto error = [&](absl::string_view why) {
    return absl::InvalidArgumentError(absl::StrCat(name, ":", line_no, ": ", why));
  };
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (!current.empty()) sentences.push_back(std::move(current));
      current.clear();
      continue;
    }
    if (line[0] == '#') continue;
    std::vector<absl::string_view> cols = absl::StrSplit(line, '\t');
    if (cols.size() != 10) return error("expected 10 tab-separated columns");
    if (cols[0].find_first_of("-.") != absl::string_view::npos) continue;
    int id = 0, head = 0;
    if (!absl::SimpleAtoi(cols[0], &id) || id != static_cast<int>(current.size()) + 1) {
      return error("word ids must count 1, 2, 3, ...");
    }
    SyntaxWord word;
    word.form = std::string(cols[1]);
    word.lemma = std::string(cols[2]);
    std::optional<Upos> upos = ParseUpos(cols[3]);
    if (!upos) return error(absl::StrCat("unknown UPOS ", cols[3]));
    word.upos = *upos;
    word.xpos = std::string(cols[4]);
    if (!absl::SimpleAtoi(cols[6], &head) || head < 0) return error("bad head");
    word.head = head - 1;
    std::optional<DepRel> rel = ParseDepRel(cols[7]);
    if (!rel) return error(absl::StrCat("unknown relation ", cols[7]));
    word.rel = *rel;
    current.push_back(std::move(word));
  }
  if (!current.empty()) sentences.push_back(std::move(current));
  for (const SyntaxSentence& s : sentences) {
    for (const SyntaxWord& w : s) {
      if (w.head >= static_cast<int>(s.size())) {
        return absl::InvalidArgumentError(absl::StrCat(name, ": head out of range"));
      }
    }
  }
  return sentences;
}

}  // namespace claims::syntax
