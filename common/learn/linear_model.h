// LinearModel: a trained multiclass linear classifier over hashed features
// (features.h), as shipped in a model file and used at inference time.
//
// score(class) = sum of weight(feature, class) over the decision's features.
// Weights are sparse: a feature keeps only the classes it was trained on.
// A model carries its class names and string metadata (e.g. the feature
// set version its trainer used), so a reader can refuse a mismatch.
//
// File format (little-endian), written by Save and checked by Load:
//   "CLMODEL2"            magic
//   u32 num_classes, then num_classes x (u32 length, bytes)  class names
//   u32 num_meta, then num_meta x (key, value) length-prefixed strings
//   u32 num_features, u32 num_cells
//   num_features x (u64 key, u16 cell_count)   sorted by key
//   num_cells x (u16 class, u16 weight)        the features' cells in order
// Weights are stored as bfloat16 (the top half of an IEEE float32, rounded
// to nearest): 0.4 % relative precision, which a sum of dozens of weights
// does not notice, at half the size; they stay bfloat16 in memory too.
//
//   ASSIGN_OR_RETURN(LinearModel model, LinearModel::Load(path));
//   std::vector<float> scores(model.num_classes());
//   model.Score(features.keys(), scores.data());
//
// Immutable after Load; Score is const and thread-safe.
#ifndef CLAIMS_COMMON_LEARN_LINEAR_MODEL_H_
#define CLAIMS_COMMON_LEARN_LINEAR_MODEL_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "common/learn/large_array.h"

namespace claims::learn {

class LinearModel {
 public:
  struct Cell {
    uint16_t cls;
    float weight;
  };
  // One feature's weights, as the trainer hands them over.
  struct Row {
    uint64_t key;
    std::vector<Cell> cells;
  };

  LinearModel() = default;
  LinearModel(std::vector<std::string> classes,
              std::map<std::string, std::string> metadata,
              std::vector<Row> rows);

  // NOT_FOUND when the file is missing; DATA_LOSS naming the file when it
  // is truncated or inconsistent.
  static absl::StatusOr<LinearModel> Load(const std::string& path);
  absl::Status Save(const std::string& path) const;

  // Adds each feature's weights into scores[0, num_classes()). Unknown
  // features contribute nothing.
  void Score(absl::Span<const uint64_t> keys, float* scores) const;
  // Starts loading the table lines of these features, without waiting:
  // a caller that knows its next decision's features (the next word's)
  // issues this before scoring the current one, and the misses overlap.
  // No effect on any result.
  void Prefetch(absl::Span<const uint64_t> keys) const;
  // The highest-scoring class among those with allowed[c] (all if empty).
  int Best(absl::Span<const uint64_t> keys, float* scores,
           absl::Span<const bool> allowed = {}) const;

  // A copy without the weights smaller than `min_weight` in magnitude.
  LinearModel Pruned(float min_weight) const;

  int num_classes() const { return static_cast<int>(classes_.size()); }
  const std::vector<std::string>& classes() const { return classes_; }
  // Index of a class name, or -1.
  int ClassIndex(absl::string_view name) const;
  // Metadata value, or "" when absent.
  std::string Meta(absl::string_view key) const;
  size_t num_features() const { return num_features_; }
  size_t num_cells() const { return num_cells_; }

 private:
  // Models of at most this many classes (the parser's moves) keep a
  // feature's weights in its table slot, so a lookup is one cache miss
  // instead of two (slot, then cells).
  static constexpr int kNarrowClasses = 3;
  // bfloat16 of -0.0: the weight of a class a narrow feature has no cell
  // for. Adding -0.0f leaves every float exactly as it was (x + -0 == x,
  // +0 + -0 == +0), so scores equal those of the sparse cells bit for bit.
  static constexpr uint16_t kAbsent = 0x8000;

  struct Slot {
    uint64_t key = 0;
    uint32_t first = 0;  // the feature's cells are cells_[first, first + count)
    uint16_t count = 0;  // 0 = empty slot
    uint16_t dense = 0;  // 0, or 1 + the feature's row in dense_
    bool used() const { return count != 0; }
  };
  struct NarrowSlot {
    uint64_t key = 0;
    uint16_t weight[kNarrowClasses];  // bfloat16 bits, kAbsent for no cell
    uint16_t present = 0;             // bit c: class c has a cell; 0 = empty
    bool used() const { return present != 0; }
  };
  // A weight as stored: its class and bfloat16 bits (the file's
  // precision; half the memory of a float).
  struct PackedCell {
    uint16_t cls;
    uint16_t weight;
  };

  void BuildTable(const std::vector<Row>& rows);
  // After the wide table is filled: a model of at most kNarrowClasses
  // classes moves to the narrow table; in a larger one, features with
  // weights for many classes also get a dense row.
  void FinishLayout();
  void NarrowIfSmall();
  void AddDenseRows();
  const uint16_t* DenseRow(const Slot& slot) const {
    return &dense_[(slot.dense - 1) * dense_stride_];
  }
  void ScoreWide(absl::Span<const uint64_t> keys, float* scores) const;
  void ScoreNarrow(absl::Span<const uint64_t> keys, float* scores) const;
  // Calls fn(key, cells, count) for every feature, in table order.
  template <typename Fn>
  void ForEachFeature(Fn fn) const;

  std::vector<std::string> classes_;
  std::map<std::string, std::string> metadata_;
  // Open addressing with linear probing, power-of-two size; exactly one of
  // the two tables is in use.
  LargeArray<Slot> table_;
  LargeArray<NarrowSlot> narrow_;
  LargeArray<PackedCell> cells_;  // the wide table's weights
  // Features with cells for at least a quarter of the classes also keep a
  // row of dense_stride_ bfloat16 weights (kAbsent where they have none):
  // adding a row is a few vector additions instead of a scattered addition
  // per cell (the bias feature alone has a weight for 1,300 lemma edits).
  // The sums are the same, bit for bit. cells_ still holds every feature
  // (Save, Pruned).
  LargeArray<uint16_t> dense_;
  size_t dense_stride_ = 0;
  size_t num_features_ = 0;
  size_t num_cells_ = 0;
};

}  // namespace claims::learn

#endif  // CLAIMS_COMMON_LEARN_LINEAR_MODEL_H_
