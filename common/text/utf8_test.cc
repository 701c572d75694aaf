#include "common/text/utf8.h"

#include <string>

#include "gtest/gtest.h"
#include "unicode/uchar.h"

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

TEST(ToLowerTest, LowersEveryScript) {
  EXPECT_EQ(ToLower("Ōhashi Kenji"), "ōhashi kenji");
  EXPECT_EQ(ToLower("ŢĂRANU Țăranu"), "ţăranu țăranu");
  EXPECT_EQ(ToLower("Plain ASCII"), "plain ascii");
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

TEST(CharClassTest, AsciiTableAgreesWithIcu) {
  for (UChar32 c = 0; c < 128; ++c) {
    const auto u = static_cast<char32_t>(c);
    EXPECT_EQ(IsLetter(u), static_cast<bool>(u_isalpha(c))) << c;
    EXPECT_EQ(IsUpper(u), u_isupper(c) || u_istitle(c)) << c;
    EXPECT_EQ(IsLower(u), static_cast<bool>(u_islower(c))) << c;
    EXPECT_EQ(IsDigit(u), static_cast<bool>(u_isdigit(c))) << c;
    EXPECT_EQ(IsSpace(u), static_cast<bool>(u_isUWhiteSpace(c))) << c;
  }
  EXPECT_TRUE(IsLetter(0x00E9));   // é
  EXPECT_TRUE(IsUpper(0x00C9));    // É
  EXPECT_TRUE(IsSpace(0x00A0));    // no-break space
  EXPECT_FALSE(IsSpace(0x200B));   // zero width space is not White_Space
}

TEST(DecodeTest, AsciiAndMultiByteAgree) {
  std::string s = "a\xC3\xA9z";  // a é z
  size_t len;
  EXPECT_EQ(DecodeAt(s, 0, &len), U'a');
  EXPECT_EQ(len, 1u);
  EXPECT_EQ(DecodeAt(s, 1, &len), 0xE9u);
  EXPECT_EQ(len, 2u);
  EXPECT_EQ(DecodeBefore(s, 4, &len), U'z');
  EXPECT_EQ(len, 1u);
  EXPECT_EQ(DecodeBefore(s, 3, &len), 0xE9u);
  EXPECT_EQ(len, 2u);
  EXPECT_EQ(DecodeBefore(s, 0, &len), 0u);
  EXPECT_EQ(len, 0u);
  EXPECT_EQ(DecodeAt("\xC3", 0, &len), 0xFFFDu);  // truncated
  EXPECT_EQ(len, 1u);
}

}  // namespace
}  // namespace claims::text
