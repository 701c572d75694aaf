// DependencyParser: greedy transition-based dependency parser (arc-hybrid
// system; Kuhlmann et al. 2011) with averaged-perceptron classifiers, trained
// with a dynamic oracle and exploration (Goldberg & Nivre 2013). One model
// chooses the transitions (SHIFT, LEFT, RIGHT), a second labels each arc
// once it is made, when the dependent's subtree is complete.
//
// Work is linear in the sentence: exactly 2n transitions for n words.
//
//   ASSIGN_OR_RETURN(DependencyParser parser,
//                    DependencyParser::Load(moves_path, labels_path, classes_path));
//   parser.Parse(&sentence);   // needs upos/xpos; fills head and rel
//
// Immutable after construction; Parse is const and thread-safe.
#ifndef CLAIMS_COMMON_SYNTAX_DEPENDENCY_PARSER_H_
#define CLAIMS_COMMON_SYNTAX_DEPENDENCY_PARSER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/learn/linear_model.h"
#include "common/learn/perceptron.h"
#include "common/syntax/syntax_types.h"
#include "common/syntax/word_classes.h"

namespace claims::syntax {

class DependencyParser {
 public:
  static constexpr char kFeatureVersion[] = "arc-hybrid-5";

  // The two models and the word classes they were trained with (null in
  // FromModels: none, every word's class is its tag).
  static absl::StatusOr<DependencyParser> Load(const std::string& moves_path,
                                               const std::string& labels_path,
                                               const std::string& classes_path);
  static absl::StatusOr<DependencyParser> FromModels(
      learn::LinearModel moves, learn::LinearModel labels,
      std::shared_ptr<const WordClasses> classes);

  void Parse(SyntaxSentence* sentence) const;

  const learn::LinearModel& moves() const { return moves_; }
  const learn::LinearModel& labels() const { return labels_; }
  const std::shared_ptr<const WordClasses>& classes() const { return classes_; }

  struct TrainOptions {
    int epochs = 15;
    // Independent runs of `epochs` passes, each in its own example order,
    // whose averaged models are averaged (learn::AveragedPerceptron::Restart).
    int runs = 1;
    uint32_t seed = 1;
    learn::Pruning pruning;
    // Probability of following a wrong predicted move (from epoch 2 on).
    double explore = 0.9;
    // The word classes the parser reads (shipped with it; null: none).
    std::shared_ptr<const WordClasses> classes;
    std::function<void(int epoch, const DependencyParser&)> on_epoch;
  };
  // Trains on the projective sentences of `train` (the arc-hybrid oracle
  // is exact only for projective trees); words must carry the tags the
  // parser will see at run time.
  static DependencyParser Train(const std::vector<SyntaxSentence>& train,
                                const TrainOptions& options);

  // True when no two arcs of the sentence cross.
  static bool IsProjective(const SyntaxSentence& sentence);

 private:
  DependencyParser(learn::LinearModel moves, learn::LinearModel labels,
                   std::vector<DepRel> rels, std::shared_ptr<const WordClasses> classes)
      : moves_(std::move(moves)),
        labels_(std::move(labels)),
        rels_(std::move(rels)),
        classes_(std::move(classes)) {}

  learn::LinearModel moves_;
  learn::LinearModel labels_;
  std::vector<DepRel> rels_;  // label class index -> relation
  std::shared_ptr<const WordClasses> classes_;  // never null
};

}  // namespace claims::syntax

#endif  // CLAIMS_COMMON_SYNTAX_DEPENDENCY_PARSER_H_
