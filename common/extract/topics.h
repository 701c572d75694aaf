// Topic stage: assigns taxonomy topics to claims from what a sentence says,
// not from keyword lists alone.
//
// Cues are data (knowledge/taxonomy/topic_cues.jsonl, claims.kb.TopicCue;
// the taxonomy's own `keywords` count as plain cues too). A cue is a word or
// phrase matched on form or lemma, optionally restricted by part of speech,
// licensed by co-occurring words, by the words it is syntactically tied to
// or by the article's main topics, and ruled out by other words: that is how
// "strike" is labour beside "union" and armed conflict beside "missile", or
// "court" law beside "judge" and sport beside "tennis". Claim features cue
// topics too: the PLOVER event type and the KB role or kind of an actor.
//
// Two passes over an article:
//   std::vector<SentenceTopics> pass1;
//   for (each sentence s) pass1.push_back(stage.ScoreSentence(s));
//   ArticleTopics article = stage.RankArticle(pass1);
//   for (each claim c of sentence i) stage.Assign(pass1[i], article, actors, &c);
// Assign adds the article's main topic to a claim whose sentence is neutral
// (no topic of its own) when TopicOptions::inherit_article_topics is set,
// and narrows a generic topic to the article's main topic below it. The
// lede counts double when the article's topics are ranked, and a cue that
// is a title before a person's name ("Defence Secretary John Smith") counts
// half: it names the speaker, not what the sentence is about.
// Each topic a claim gets comes with an Evidence {field "topics", cue
// "<topic> <- <what fired>"}.
//
// Immutable after Load: every method is const and thread-safe.
#ifndef CLAIMS_COMMON_EXTRACT_TOPICS_H_
#define CLAIMS_COMMON_EXTRACT_TOPICS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "claims/v1/claims.pb.h"
#include "common/extract/lexicon.h"
#include "common/extract/mentions.h"
#include "common/kb/taxonomy.h"

namespace claims {

struct TopicOptions {
  // A claim whose sentence has no topic of its own takes the article's
  // main topic.
  bool inherit_article_topics = true;
  // Most topics kept for an article and for a claim.
  int max_article_topics = 3;
  int max_claim_topics = 3;
  // The verb classes (not owned; may be null): a cue word that is the
  // subject of a saying verb ("Researchers said ...") names the speaker
  // rather than what the sentence is about, and counts half.
  const Lexicon* lexicon = nullptr;
};

// A topic with its score and the cue that contributed most.
struct ScoredTopic {
  int topic = -1;  // index into Taxonomy::topics()
  float score = 0;
  std::string cue;
};

// What pass 1 found in one sentence.
struct SentenceTopics {
  std::vector<ScoredTopic> scored;   // licensed by the sentence itself
  std::vector<ScoredTopic> pending;  // licensed only by an article topic
  std::vector<int> pending_license;  // per pending: index of its cue
};

// The article's main topics, best first.
struct ArticleTopics {
  std::vector<ScoredTopic> ranked;
  // Top-level topics of `ranked` (indices), for the per-sentence prior.
  std::vector<int> top_levels;
};

class TopicStage {
 public:
  // Loads the cue file (and `extra_cue_file` after it, when not empty);
  // INVALID_ARGUMENT naming file and line for a malformed cue or a cue
  // naming a topic the taxonomy lacks, NOT_FOUND for a missing file.
  static absl::StatusOr<std::unique_ptr<TopicStage>> Load(
      const Taxonomy& taxonomy, const std::string& cue_file,
      const std::string& extra_cue_file, TopicOptions options);

  ~TopicStage();
  TopicStage(const TopicStage&) = delete;  // holds references into its cues
  TopicStage& operator=(const TopicStage&) = delete;

  // Pass 1: the topics the sentence's analysed words cue.
  SentenceTopics ScoreSentence(const SentenceTokens& sentence) const;

  // The article's main topics from every sentence's pass-1 topics.
  ArticleTopics RankArticle(const std::vector<SentenceTopics>& sentences) const;

  // Pass 2: sets `claim`'s topics (most specific and best first) and their
  // evidence from the sentence, the article prior, the claim's event type
  // and actors (`actors` maps an actor id to its article actor).
  void Assign(const SentenceTopics& sentence, const ArticleTopics& article,
              const absl::flat_hash_map<std::string, const ArticleActor*>& actors,
              claims::v1::Claim* claim) const;

  // The taxonomy ids of `article`, best first.
  std::vector<std::string> Ids(const ArticleTopics& article) const;

  const Taxonomy& taxonomy() const { return taxonomy_; }

 private:
  struct Cue;
  struct PhraseRef {
    int cue;
    std::vector<std::string> rest;  // words after the first
  };

  TopicStage(const Taxonomy& taxonomy, TopicOptions options);
  absl::Status AddFile(const std::string& path);
  bool ArticleLicenses(const Cue& cue, const ArticleTopics& article) const;
  // Whether word `i` is the subject of a saying verb.
  bool IsSpeaker(const syntax::SyntaxSentence& words, size_t i) const;
  // Narrows a chosen top-level topic that is an ancestor of one of the
  // article's main topics to that topic: "sport" in a cricket story is
  // cricket.
  void Specialise(const ArticleTopics& article, std::vector<ScoredTopic>* chosen) const;

  const Taxonomy& taxonomy_;
  TopicOptions options_;
  std::vector<Cue> cues_;
  std::vector<int> top_level_;  // topic index -> its top-level topic index
  std::vector<int> depth_;      // topic index -> number of '/'
  absl::flat_hash_map<std::string, int> topic_index_;
  absl::flat_hash_map<std::string, std::vector<PhraseRef>> by_first_word_;
  absl::flat_hash_map<std::string, std::vector<int>> by_event_type_;
  absl::flat_hash_map<std::string, std::vector<int>> by_actor_role_;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_EXTRACT_TOPICS_H_
