// Reader for CoNLL-U treebank files (Universal Dependencies), the training
// and development data of the syntax models.
//
// Multiword-token ranges ("1-2 don't") and empty nodes ("8.1") are skipped:
// the models see the syntactic words, as the runtime tokenizer produces
// them ("do" "n't").
//
//   ASSIGN_OR_RETURN(std::vector<SyntaxSentence> train,
//                    ReadConllu("en_ewt-ud-train.conllu"));
#ifndef CLAIMS_COMMON_SYNTAX_CONLLU_H_
#define CLAIMS_COMMON_SYNTAX_CONLLU_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/syntax/syntax_types.h"

namespace claims::syntax {

// INVALID_ARGUMENT "file:line: reason" for a malformed line; NOT_FOUND when
// the file cannot be read.
absl::StatusOr<std::vector<SyntaxSentence>> ReadConllu(const std::string& path);
// The same over text already in memory; `name` is used in errors.
absl::StatusOr<std::vector<SyntaxSentence>> ParseConllu(absl::string_view text,
                                                        absl::string_view name);

}  // namespace claims::syntax

#endif  // CLAIMS_COMMON_SYNTAX_CONLLU_H_
