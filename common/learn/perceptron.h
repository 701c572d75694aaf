// AveragedPerceptron: trains a LinearModel (linear_model.h) one decision at
// a time, with weight averaging (Collins 2002) so that the final model is
// the average of the weights after every example, not the last ones.
//
// The caller owns the decision structure (a tagger's left-to-right pass, a
// parser's transitions): it scores with the current weights, and when the
// best class is wrong it calls Update(features, truth, guess).
//
//   AveragedPerceptron p(classes.size());
//   for (epoch ...) for (decision ...) {
//     p.Score(f.keys(), scores);
//     int guess = argmax(scores);
//     p.Update(f.keys(), truth, guess);   // no-op when guess == truth
//     p.Tick();                           // one example seen
//   }
//   LinearModel model = p.Average(classes, metadata, Pruning{0.01f, 2});
//
// Averaging uses the "w - u/c" identity (Daumé 2006): each update also adds
// c times its change to u, so the average needs no per-example pass.
// Not thread-safe.
#ifndef CLAIMS_COMMON_LEARN_PERCEPTRON_H_
#define CLAIMS_COMMON_LEARN_PERCEPTRON_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/types/span.h"
#include "common/learn/linear_model.h"

namespace claims::learn {

// What Average leaves out: weights with |w| < min_weight (0 keeps every
// non-zero weight), and features updated fewer than `min_updates` times
// (rare features: mostly noise, and most of a model's size).
struct Pruning {
  float min_weight = 0.0f;
  int min_updates = 1;
};

class AveragedPerceptron {
 public:
  explicit AveragedPerceptron(int num_classes) : num_classes_(num_classes) {}

  // Adds the current (not averaged) weights into scores[0, num_classes).
  void Score(absl::Span<const uint64_t> keys, float* scores) const;
  // Moves weight from `guess` to `truth` on every feature; nothing when
  // they are equal.
  void Update(absl::Span<const uint64_t> keys, int truth, int guess);
  // Adds `delta` to class `cls` on every feature: the update of a
  // one-against-the-rest (binary per class) model, where a class is right
  // or wrong on its own rather than against another class.
  void Adjust(absl::Span<const uint64_t> keys, int cls, float delta);
  // Counts one example; call once per decision, updated or not.
  void Tick() { ++clock_; }
  // Sets every current weight to zero and keeps the running average:
  // training on from here is a new run (in another example order, say),
  // and Average averages over all runs' examples alike. Runs of equal
  // length give the mean of their averaged models, which varies less with
  // the order than any one of them.
  void Restart();

  // The averaged model, pruned as `pruning` says. Training may go on
  // afterwards.
  LinearModel Average(std::vector<std::string> classes,
                      std::map<std::string, std::string> metadata,
                      const Pruning& pruning) const;

  int num_classes() const { return num_classes_; }
  size_t num_features() const { return weights_.size(); }

 private:
  struct Cell {
    uint16_t cls;
    float w;
    double u;  // sum of clock * change: average = w - u / clock
  };
  struct Feature {
    uint32_t updates = 0;
    std::vector<Cell> cells;
  };
  static void Add(Feature* feature, int cls, float delta, int64_t clock);

  int num_classes_;
  int64_t clock_ = 1;
  absl::flat_hash_map<uint64_t, Feature> weights_;
};

}  // namespace claims::learn

#endif  // CLAIMS_COMMON_LEARN_PERCEPTRON_H_
