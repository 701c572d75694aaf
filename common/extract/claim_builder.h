// Claim building: turns one sentence, its actor mentions and time
// expressions into claims (subjects, predicate, objects, participants,
// type, event type, modality, event time, quantity, confidence and
// evidence; topics are the topic stage's, topics.h).
//
// The structure comes from the clause analysis of the sentence's
// dependency parse (clauses.h): one claim per clause that says something
// about an actor or a time; argument phrases are mapped to the mentions
// inside them (the mention covering the phrase's head first, so "a
// spokeswoman for Northumbria Police" gives the police and "Israeli Prime
// Minister Benjamin Netanyahu" gives Netanyahu, not Israel); reported
// speech gives the content claim with modality REPORTED, the speaker as
// modality_source and the content's own modality as content_modality.
#ifndef CLAIMS_COMMON_EXTRACT_CLAIM_BUILDER_H_
#define CLAIMS_COMMON_EXTRACT_CLAIM_BUILDER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "claims/v1/claims.pb.h"
#include "common/extract/clauses.h"
#include "common/extract/lexicon.h"
#include "common/extract/mentions.h"
#include "common/extract/timex.h"
#include "common/syntax/word_classes.h"

namespace claims {

struct SentenceContext {
  const SentenceTokens* sentence = nullptr;
  std::vector<const FoundMention*> mentions;  // of this sentence, in order
  std::vector<const Timex*> timexes;          // of this sentence, in order
  // Person most recently mentioned before this sentence (for pronouns).
  int last_person = -1;
  // Event time carried over (caption sentences share the caption's date).
  const Timex* inherited_time = nullptr;
  // The sentence lies inside a quotation attributed in another sentence
  // (quotations.h): its clauses are somebody's words, claims with or
  // without an actor.
  bool quoted = false;
};

class ClaimBuilder {
 public:
  // `classes` (may be null) tells a person noun ("the authors suggest
  // that S") from others as the unnamed holder of a belief.
  explicit ClaimBuilder(const Lexicon& lexicon, const syntax::WordClasses* classes = nullptr)
      : lex_(lexicon), classes_(classes), clauses_(lexicon) {}

  // Claims of one sentence (without id/article_id/published/version, which
  // the extractor sets).
  std::vector<claims::v1::Claim> Build(absl::string_view body,
                                       const SentenceContext& ctx,
                                       const std::vector<ArticleActor>& actors) const;

 private:
  const Lexicon& lex_;
  const syntax::WordClasses* classes_;  // may be null
  ClauseAnalyzer clauses_;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_EXTRACT_CLAIM_BUILDER_H_
