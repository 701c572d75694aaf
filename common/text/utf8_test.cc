#include "common/text/utf8.h"

#include <string>

#include "gtest/gtest.h"

namespace claims::text {
namespace {

TEST(ValidateTextTest, AcceptsUnicodeAndLayoutWhitespace) {
  EXPECT_TRUE(ValidateText("Operation Gideon\xE2\x80\x99s Chariots\n\tok\r\n", "body").ok());
  EXPECT_TRUE(ValidateText("", "body").ok());
}

TEST(ValidateTextTest, RejectsInvalidUtf8NamingTheOffset) {
  absl::Status s = ValidateText("ab\xC3\x28", "body");
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("byte 2"), std::string::npos) << s;
  EXPECT_FALSE(ValidateText("\xED\xA0\x80", "body").ok());  // surrogate
  EXPECT_FALSE(ValidateText("\xC0\xAF", "body").ok());      // overlong
}

TEST(ValidateTextTest, RejectsBinaryData) {
  EXPECT_FALSE(ValidateText(std::string("a\0b", 3), "body").ok());
  EXPECT_FALSE(ValidateText("a\x07" "b", "body").ok());
  EXPECT_FALSE(ValidateText("a\xC2\x85" "b", "body").ok());  // C1 control
}

TEST(CodePointIndexTest, MapsBytesToCodePoints) {
  std::string s = "a\xE2\x80\x99" "b\xF0\x9F\x98\x80" "c";  // a ’ b 😀 c
  CodePointIndex index(s);
  EXPECT_EQ(index.ToCodePoint(0), 0u);
  EXPECT_EQ(index.ToCodePoint(1), 1u);
  EXPECT_EQ(index.ToCodePoint(4), 2u);
  EXPECT_EQ(index.ToCodePoint(5), 3u);
  EXPECT_EQ(index.ToCodePoint(9), 4u);
  EXPECT_EQ(index.ToCodePoint(s.size()), 5u);
}

TEST(DecodeTest, DecodesForwardAndBackward) {
  std::string s = "x\xE2\x80\x94y";  // x — y
  size_t len;
  EXPECT_EQ(DecodeAt(s, 1, &len), 0x2014u);
  EXPECT_EQ(len, 3u);
  EXPECT_EQ(DecodeBefore(s, 4, &len), 0x2014u);
  EXPECT_TRUE(IsDash(0x2014));
  EXPECT_TRUE(IsApostrophe(0x2019));
}

}  // namespace
}  // namespace claims::text
