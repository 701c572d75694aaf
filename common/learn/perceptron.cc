#include "common/learn/perceptron.h"

#include <algorithm>
#include <cmath>

namespace claims::learn {

void AveragedPerceptron::Score(absl::Span<const uint64_t> keys,
                               float* scores) const {
  for (uint64_t key : keys) {
    auto it = weights_.find(key);
    if (it == weights_.end()) continue;
    for (const Cell& cell : it->second) scores[cell.cls] += cell.w;
  }
}

void AveragedPerceptron::Add(uint64_t key, int cls, float delta) {
  std::vector<Cell>& cells = weights_[key];
  for (Cell& cell : cells) {
    if (cell.cls == cls) {
      cell.w += delta;
      cell.u += static_cast<double>(clock_) * delta;
      return;
    }
  }
  cells.push_back(Cell{static_cast<uint16_t>(cls), delta,
                       static_cast<double>(clock_) * delta});
}

void AveragedPerceptron::Update(absl::Span<const uint64_t> keys, int truth,
                                int guess) {
  if (truth == guess) return;
  for (uint64_t key : keys) {
    Add(key, truth, 1.0f);
    Add(key, guess, -1.0f);
  }
}

LinearModel AveragedPerceptron::Average(
    std::vector<std::string> classes,
    std::map<std::string, std::string> metadata, float min_weight) const {
  std::vector<LinearModel::Row> rows;
  rows.reserve(weights_.size());
  const double clock = static_cast<double>(clock_);
  for (const auto& [key, cells] : weights_) {
    LinearModel::Row row{key, {}};
    for (const Cell& cell : cells) {
      const float avg = static_cast<float>(cell.w - cell.u / clock);
      if (avg == 0.0f || std::fabs(avg) < min_weight) continue;
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
