#include "common/extract/confidence.h"

#include <cstdlib>
#include <fstream>
#include <string>

#include "common/testing/scratch.h"
#include "gtest/gtest.h"

namespace claims {
namespace {

std::string WriteTable(const std::string& text) {
  return WriteScratchFile("confidence.tsv", text);
}

TEST(ConfidenceCalibrationTest, InterpolatesBetweenKnotsAndClampsOutside) {
  auto c = ConfidenceCalibration::Load(WriteTable("# comment\n0.4\t0.5\n0.6\t0.7\n0.8\t0.9\n"));
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_FLOAT_EQ(c->Apply(0.1f), 0.5f);
  EXPECT_FLOAT_EQ(c->Apply(0.5f), 0.6f);
  EXPECT_FLOAT_EQ(c->Apply(0.8f), 0.9f);
  EXPECT_FLOAT_EQ(c->Apply(0.95f), 0.9f);
}

TEST(ConfidenceCalibrationTest, EmptyTableIsTheIdentity) {
  auto c = ConfidenceCalibration::Load(WriteTable("# nothing fitted yet\n"));
  ASSERT_TRUE(c.ok());
  EXPECT_FLOAT_EQ(c->Apply(0.37f), 0.37f);
}

TEST(ConfidenceCalibrationTest, RejectsUnorderedOrOutOfRangeKnots) {
  EXPECT_EQ(ConfidenceCalibration::Load(WriteTable("0.6\t0.7\n0.4\t0.8\n")).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ConfidenceCalibration::Load(WriteTable("0.4\t0.7\n0.6\t0.5\n")).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ConfidenceCalibration::Load(WriteTable("0.4\t1.5\n")).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ConfidenceCalibration::Load("/nonexistent/confidence.tsv").status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace claims
