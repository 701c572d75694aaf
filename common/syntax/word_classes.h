// WordClasses: the WordNet lexicographer class (supersense: noun.time,
// noun.artifact, verb.communication, ...) of a lemma's most frequent noun
// and verb sense, read from knowledge/models/word-classes.tsv (written by
// gen_word_classes.py beside it). The parser reads a word's class beside
// its form, so what it learnt of "on Friday" carries to "on Tuesday".
//
//   ASSIGN_OR_RETURN(WordClasses classes, WordClasses::Load(path));
//   uint8_t c = classes.Of("fork", Upos::kNoun);   // 6, noun.artifact
//
// Immutable after Load; thread-safe.
#ifndef CLAIMS_COMMON_SYNTAX_WORD_CLASSES_H_
#define CLAIMS_COMMON_SYNTAX_WORD_CLASSES_H_

#include <cstdint>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/syntax/syntax_types.h"

namespace claims::syntax {

class WordClasses {
 public:
  // The file name inside a model folder.
  static constexpr char kFile[] = "word-classes.tsv";
  // WordNet's noun.person ("physicist", "mountaineer").
  static constexpr uint8_t kNounPerson = 18;

  // NOT_FOUND for a missing file; DATA_LOSS "path:line" for a bad row.
  static absl::StatusOr<WordClasses> Load(const std::string& path);
  // Writes the file Load reads, rows sorted by lemma: byte for byte what
  // gen_word_classes.py writes for the same classes.
  absl::Status Save(const std::string& path) const;

  // The class of a lower-case lemma as a noun (NOUN) or verb (VERB), or 0:
  // other tags, and lemmas WordNet lacks, have none.
  uint8_t Of(absl::string_view lemma, Upos upos) const;

  size_t size() const { return classes_.size(); }

 private:
  struct Classes {
    uint8_t noun = 0;
    uint8_t verb = 0;
  };
  absl::flat_hash_map<std::string, Classes> classes_;
};

}  // namespace claims::syntax

#endif  // CLAIMS_COMMON_SYNTAX_WORD_CLASSES_H_
