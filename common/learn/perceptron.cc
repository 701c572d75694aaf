#include "common/learn/perceptron.h"

#include <algorithm>
#include <cmath>

namespace claims::learn {

void AveragedPerceptron::Score(absl::Span<const uint64_t> keys,
                               float* scores) const {
  for (uint64_t key : keys) {
    auto it = weights_.find(key);
    if (it == weights_.end()) continue;
    for (const Cell& cell : it->second.cells) scores[cell.cls] += cell.w;
  }
}

void AveragedPerceptron::Restart() {
  // Zeroing is one more change of -w at the current clock (see Add); it
  // does not count as an update of the feature.
  for (auto& [key, feature] : weights_) {
    for (Cell& cell : feature.cells) {
      cell.u -= static_cast<double>(clock_) * cell.w;
      cell.w = 0;
    }
  }
}

void AveragedPerceptron::Add(Feature* feature, int cls, float delta, int64_t clock) {
  for (Cell& cell : feature->cells) {
    if (cell.cls == cls) {
      cell.w += delta;
      cell.u += static_cast<double>(clock) * delta;
      return;
    }
  }
  feature->cells.push_back(
      Cell{static_cast<uint16_t>(cls), delta, static_cast<double>(clock) * delta});
}

void AveragedPerceptron::Update(absl::Span<const uint64_t> keys, int truth,
                                int guess) {
  if (truth == guess) return;
  for (uint64_t key : keys) {
    Feature& feature = weights_[key];
    ++feature.updates;
    Add(&feature, truth, 1.0f, clock_);
    Add(&feature, guess, -1.0f, clock_);
  }
}

void AveragedPerceptron::Adjust(absl::Span<const uint64_t> keys, int cls,
                                float delta) {
  for (uint64_t key : keys) {
    Feature& feature = weights_[key];
    ++feature.updates;
    Add(&feature, cls, delta, clock_);
  }
}

LinearModel AveragedPerceptron::Average(
    std::vector<std::string> classes,
    std::map<std::string, std::string> metadata, const Pruning& pruning) const {
  std::vector<LinearModel::Row> rows;
  rows.reserve(weights_.size());
  const double clock = static_cast<double>(clock_);
  for (const auto& [key, feature] : weights_) {
    if (feature.updates < static_cast<uint32_t>(pruning.min_updates)) continue;
    LinearModel::Row row{key, {}};
    for (const Cell& cell : feature.cells) {
      const float avg = static_cast<float>(cell.w - cell.u / clock);
      if (avg == 0.0f || std::fabs(avg) < pruning.min_weight) continue;
      row.cells.push_back(LinearModel::Cell{cell.cls, avg});
    }
    if (row.cells.empty()) continue;
    std::sort(row.cells.begin(), row.cells.end(),
              [](const auto& a, const auto& b) { return a.cls < b.cls; });
    rows.push_back(std::move(row));
  }
  return LinearModel(std::move(classes), std::move(metadata), std::move(rows));
}

}  // namespace claims::learn
