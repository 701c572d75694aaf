// EntityTagger: finds and types the names of a document (persons,
// organisations, locations, other names), one sentence after another, with
// a greedy left-to-right BILOU tagger (averaged perceptron). Features: the
// word's spelling and context, its part-of-speech tag, gazetteer marks, and
// what the document says elsewhere (is the word capitalised mid-sentence
// elsewhere; how earlier occurrences of it were tagged), after Ratinov and
// Roth (2009). Trained on CoNLL-2003 English (train/train_entities_main.cc).
//
//   ASSIGN_OR_RETURN(EntityTagger tagger, EntityTagger::Load(path));
//   std::vector<std::vector<EntitySpan>> names = tagger.Tag(sentences, &gazetteer);
//
// Immutable after construction; Tag is const and thread-safe.
#ifndef CLAIMS_COMMON_ENTITIES_ENTITY_TAGGER_H_
#define CLAIMS_COMMON_ENTITIES_ENTITY_TAGGER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/entities/entity_types.h"
#include "common/entities/gazetteer.h"
#include "common/learn/linear_model.h"
#include "common/learn/perceptron.h"
#include "common/syntax/syntax_types.h"

namespace claims::entities {

// A document with its gold names, for training and scoring.
struct EntityDocument {
  std::vector<syntax::SyntaxSentence> sentences;  // forms and xpos
  std::vector<std::vector<EntitySpan>> entities;  // per sentence
};

class EntityTagger {
 public:
  static constexpr char kFeatureVersion[] = "ner-1";

  static absl::StatusOr<EntityTagger> Load(const std::string& path);
  static absl::StatusOr<EntityTagger> FromModel(learn::LinearModel model);

  // Names of each sentence of one document; words need form and xpos.
  // `gazetteer` may be null (no gazetteer features).
  std::vector<std::vector<EntitySpan>> Tag(
      const std::vector<syntax::SyntaxSentence>& sentences,
      const Gazetteer* gazetteer) const;

  const learn::LinearModel& model() const { return model_; }

  struct TrainOptions {
    int epochs = 12;
    // Independent runs of `epochs` passes in other example orders, whose
    // averaged models are averaged (learn::AveragedPerceptron::Restart):
    // one run's tagger varies with the order more than the mean does.
    int runs = 1;
    uint32_t seed = 1;
    learn::Pruning pruning;
    std::function<void(int pass, const EntityTagger&)> on_epoch;
  };
  static EntityTagger Train(const std::vector<EntityDocument>& documents,
                            const Gazetteer* gazetteer, const TrainOptions& options);

 private:
  explicit EntityTagger(learn::LinearModel model) : model_(std::move(model)) {}

  learn::LinearModel model_;
};

// Exact-match precision, recall and F1 over typed spans.
struct EntityScores {
  size_t gold = 0, predicted = 0, correct = 0;
  size_t gold_by_type[kNumEntityTypes] = {}, predicted_by_type[kNumEntityTypes] = {},
         correct_by_type[kNumEntityTypes] = {};
  void Add(const std::vector<EntitySpan>& gold, const std::vector<EntitySpan>& predicted);
  double F1() const;
  double F1(EntityType type) const;
  // F1 over PER, ORG and LOC only (the actor types; MISC not scored).
  double ActorF1() const;
  std::string Summary() const;
};

}  // namespace claims::entities

#endif  // CLAIMS_COMMON_ENTITIES_ENTITY_TAGGER_H_
