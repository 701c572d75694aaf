// Topic assignment: matches the taxonomy's keyword rules against a
// sentence (whole words, case-insensitive) and returns topic ids, most
// specific first.
#ifndef CLAIMS_COMMON_EXTRACT_TOPICS_H_
#define CLAIMS_COMMON_EXTRACT_TOPICS_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"

#include "common/kb/taxonomy.h"
#include "common/text/tokenizer.h"

namespace claims {

struct TopicHit {
  std::string topic;
  std::string keyword;  // the cue that fired
  int hits = 0;
};

class TopicTagger {
 public:
  // Indexes every rule keyword (a phrase of one or more words) once, so a
  // sentence is tagged by looking up its word n-grams.
  explicit TopicTagger(const Taxonomy& taxonomy);

  // At most `max_topics` topics for the sentence's tokens; a parent is
  // dropped when one of its children matched.
  std::vector<TopicHit> Tag(const std::vector<text::Token>& tokens,
                            size_t max_topics = 4) const;

 private:
  struct KeywordRef {
    int rule;
    int keyword;  // index within the rule: the first one found is the cue
  };

  struct PhraseEntry {
    std::vector<KeywordRef> refs;  // rules listing this phrase (may be none)
    bool extends = false;          // some longer phrase starts with it
  };

  const Taxonomy& taxonomy_;
  // "peace talks" -> the rules listing that phrase; also every word prefix
  // of a phrase ("peace"), so a sentence's n-grams stop growing as soon as
  // no phrase can match.
  absl::flat_hash_map<std::string, PhraseEntry> phrases_;
  int max_phrase_words_ = 1;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_EXTRACT_TOPICS_H_
