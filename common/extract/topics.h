// Topic assignment: matches the taxonomy's keyword rules against a
// sentence (whole words, case-insensitive) and returns topic ids, most
// specific first.
#ifndef CLAIMS_COMMON_EXTRACT_TOPICS_H_
#define CLAIMS_COMMON_EXTRACT_TOPICS_H_

#include <string>
#include "absl/strings/string_view.h"
#include <vector>

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
  explicit TopicTagger(const Taxonomy& taxonomy) : taxonomy_(taxonomy) {}

  // At most `max_topics` topics for the sentence's tokens; a parent is
  // dropped when one of its children matched.
  std::vector<TopicHit> Tag(const std::vector<text::Token>& tokens,
                            size_t max_topics = 4) const;

 private:
  const Taxonomy& taxonomy_;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_EXTRACT_TOPICS_H_
