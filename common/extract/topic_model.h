// TopicModel: a trained linear model that scores every taxonomy topic for
// one sentence, from what the sentence says: its content lemmas, the
// dependency pairs between them ("strike" under "union" or under
// "missile"), its predicate, the types of the names in it, and which of
// the topic stage's cues fired (so the model learns how far each cue can be
// trusted, and in which company).
//
// One class per topic, each trained on its own (one against the rest: a
// sentence may hold several topics); a sentence labelled with a topic is a
// positive example of its ancestors too, so the top levels learn from
// every sentence below them. A top-level class learns from every sentence;
// a class below learns only from the sentences of its parent's subtree, so
// its score says which child of the parent a sentence is about, given that
// it is about the parent. Trained by train/train_topics from the
// project's own labelled articles (train/data/topics, see its README);
// scores are in the perceptron's units, positive for "this topic".
//
//   ASSIGN_OR_RETURN(TopicModel model, TopicModel::Load(path, taxonomy));
//   learn::FeatureVector f; std::vector<std::string> names;
//   TopicModel::Features(sentence, cue_topics, &f, &names);
//   std::vector<float> by_topic;
//   model.Score(f.keys(), &by_topic);   // indexed like taxonomy.topics()
//
// Immutable after Load; const methods are thread-safe.
#ifndef CLAIMS_COMMON_EXTRACT_TOPIC_MODEL_H_
#define CLAIMS_COMMON_EXTRACT_TOPIC_MODEL_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "common/extract/mentions.h"
#include "common/kb/taxonomy.h"
#include "common/learn/features.h"
#include "common/learn/linear_model.h"
#include "common/learn/perceptron.h"

namespace claims {

// A topic cue that fired in the sentence, as the model sees it.
struct FiredCue {
  std::string topic;  // taxonomy id
  bool weak = false;  // a generated lexical cue (weight below 1)
};

class TopicModel {
 public:
  static constexpr char kFeatureVersion[] = "topic-features-2";

  // NOT_FOUND for a missing file; FAILED_PRECONDITION for a model of
  // another feature version. Classes the taxonomy lacks (an operator's
  // replacement taxonomy) are ignored.
  static absl::StatusOr<TopicModel> Load(const std::string& path, const Taxonomy& taxonomy);
  static absl::StatusOr<TopicModel> FromModel(learn::LinearModel model,
                                              const Taxonomy& taxonomy);

  // The sentence's features into `f`, and (when `names` is not null) a
  // readable name per key, in the same order, for evidence. `article` holds
  // the top-level topics the cues find for the whole article: the story a
  // sentence belongs to says what its words are likely about.
  static void Features(const SentenceTokens& sentence, absl::Span<const FiredCue> cues,
                       absl::Span<const std::string> article, learn::FeatureVector* f,
                       std::vector<std::string>* names);

  // Scores indexed like taxonomy.topics() (0 for topics the model lacks).
  void Score(absl::Span<const uint64_t> keys, std::vector<float>* by_topic) const;

  // The name of the feature adding most to `topic`'s score.
  std::string StrongestFeature(absl::Span<const uint64_t> keys,
                               absl::Span<const std::string> names, int topic) const;

  // How much one unit of model score counts against the topic stage's
  // threshold of 1 (the trainer's --blend, tuned on development sets).
  float blend() const { return blend_; }

  struct Example {
    std::vector<uint64_t> keys;
    std::vector<int> topics;  // taxonomy indices, ancestors included
  };
  struct TrainOptions {
    int epochs = 10;
    // Independent runs, each of `epochs` passes in its own order, whose
    // averaged weights are averaged (AveragedPerceptron::Restart).
    int runs = 1;
    uint32_t seed = 1;
    float blend = 0.05f;
    learn::Pruning pruning;
  };
  // One class per taxonomy topic; deterministic for the same input.
  static learn::LinearModel Train(const std::vector<Example>& examples,
                                  const Taxonomy& taxonomy, const TrainOptions& options);

 private:
  TopicModel(learn::LinearModel model, std::vector<int> topic_class, float blend)
      : model_(std::move(model)), topic_class_(std::move(topic_class)), blend_(blend) {}

  learn::LinearModel model_;
  std::vector<int> topic_class_;  // taxonomy topic index -> model class, or -1
  float blend_ = 0;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_EXTRACT_TOPIC_MODEL_H_
