#include "common/extract/confidence.h"

#include <fstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace claims {

absl::StatusOr<ConfidenceCalibration> ConfidenceCalibration::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  ConfidenceCalibration c;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    float raw = 0, calibrated = 0;
    if (f.size() != 2 || !absl::SimpleAtof(f[0], &raw) || !absl::SimpleAtof(f[1], &calibrated) ||
        calibrated < 0 || calibrated > 1) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", n, ": expected: raw <TAB> calibrated (0..1)"));
    }
    if (!c.knots_.empty() &&
        (raw <= c.knots_.back().first || calibrated < c.knots_.back().second)) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", n, ": knots must ascend (raw strictly, calibrated weakly)"));
    }
    c.knots_.emplace_back(raw, calibrated);
  }
  return c;
}

float ConfidenceCalibration::Apply(float raw) const {
  if (knots_.empty()) return raw;
  if (raw <= knots_.front().first) return knots_.front().second;
  for (size_t i = 1; i < knots_.size(); ++i) {
    const auto& [x1, y1] = knots_[i];
    if (raw > x1) continue;
    const auto& [x0, y0] = knots_[i - 1];
    return y0 + (y1 - y0) * (raw - x0) / (x1 - x0);
  }
  return knots_.back().second;
}

}  // namespace claims
