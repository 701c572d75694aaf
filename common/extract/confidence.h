// Confidence calibration: maps the claim builder's raw score to the share
// of such claims that are right, measured on annotated development
// sentences (eval/calibrate_confidence.py writes the table).
//
// The table (knowledge/extract/confidence.tsv) lists knots "raw <TAB>
// calibrated" with raw ascending and calibrated non-decreasing (isotonic);
// a score between knots is interpolated linearly, outside them clamped.
// Immutable after Load; Apply is thread-safe.
#ifndef CLAIMS_COMMON_EXTRACT_CONFIDENCE_H_
#define CLAIMS_COMMON_EXTRACT_CONFIDENCE_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace claims {

class ConfidenceCalibration {
 public:
  // The identity: raw scores are reported as they are.
  ConfidenceCalibration() = default;

  // INVALID_ARGUMENT "file:line: ..." for a malformed or unordered knot;
  // NOT_FOUND when the file is missing.
  static absl::StatusOr<ConfidenceCalibration> Load(const std::string& path);

  float Apply(float raw) const;

 private:
  std::vector<std::pair<float, float>> knots_;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_EXTRACT_CONFIDENCE_H_
