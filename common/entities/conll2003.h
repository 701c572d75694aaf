// Reader for the CoNLL-2003 English NER files (word, POS, chunk, IOB1 name
// tag per line; "-DOCSTART-" between documents): the entity tagger's
// training and development data.
#ifndef CLAIMS_COMMON_ENTITIES_CONLL2003_H_
#define CLAIMS_COMMON_ENTITIES_CONLL2003_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/entities/entity_tagger.h"

namespace claims::entities {

// NOT_FOUND when unreadable; INVALID_ARGUMENT "file:line: reason".
absl::StatusOr<std::vector<EntityDocument>> ReadConll2003(const std::string& path);
absl::StatusOr<std::vector<EntityDocument>> ParseConll2003(absl::string_view text,
                                                           absl::string_view name);

}  // namespace claims::entities

#endif  // CLAIMS_COMMON_ENTITIES_CONLL2003_H_
