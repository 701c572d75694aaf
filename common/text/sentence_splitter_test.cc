#include "common/text/sentence_splitter.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace claims::text {
namespace {

std::vector<std::string> SplitAll(const std::string& text) {
  SentenceSplitter splitter({"Mr.", "Dr.", "U.S.", "Gen."});
  std::vector<std::string> out;
  for (auto [s, e] : splitter.Split(text, 0, text.size())) {
    out.push_back(text.substr(s, e - s));
  }
  return out;
}

TEST(SentenceSplitterTest, SplitsSentences) {
  EXPECT_EQ(SplitAll("One thing. Another thing! A third?"),
            (std::vector<std::string>{"One thing.", "Another thing!", "A third?"}));
}

TEST(SentenceSplitterTest, OffsetsAreBytesInMultiByteText) {
  // é is two bytes, ’ and “ ” three, 😀 four (two UTF-16 units).
  EXPECT_EQ(SplitAll("Caf\xC3\xA9 \xF0\x9F\x98\x80 opened. It\xE2\x80\x99s \xE2\x80\x9Cnew.\xE2\x80\x9D Fine."),
            (std::vector<std::string>{"Caf\xC3\xA9 \xF0\x9F\x98\x80 opened.",
                                      "It\xE2\x80\x99s \xE2\x80\x9Cnew.\xE2\x80\x9D",
                                      "Fine."}));
}

TEST(SentenceSplitterTest, ReusesIteratorsAcrossCalls) {
  SentenceSplitter splitter;
  const std::string a = "First one. Second one.";
  const std::string b = "Only one here";
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(splitter.Split(a, 0, a.size()).size(), 2u);
    EXPECT_EQ(splitter.Split(b, 0, b.size()).size(), 1u);
  }
}

TEST(SentenceSplitterTest, KeepsAbbreviationsAndInitials) {
  EXPECT_EQ(SplitAll("Of note was Vice-President J.D. Vance's decision. Next."),
            (std::vector<std::string>{"Of note was Vice-President J.D. Vance's decision.",
                                      "Next."}));
  EXPECT_EQ(SplitAll("He met Mr. Smith and U.S. President Trump. Then left."),
            (std::vector<std::string>{"He met Mr. Smith and U.S. President Trump.",
                                      "Then left."}));
}

// Initials of three or more letters open a name unless a closed-class
// word follows them.
TEST(SentenceSplitterTest, LongInitialsOpenANameUnlessTheNextWordIsClosedClass) {
  SentenceSplitter splitter({}, {"the", "he"});
  auto all = [&](const std::string& t) {
    std::vector<std::string> out;
    for (auto [s, e] : splitter.Split(t, 0, t.size())) out.push_back(t.substr(s, e - s));
    return out;
  };
  EXPECT_EQ(all("Her father, S.W.R.D. Bandaranaike, was shot. J.R.R. Tolkien wrote."),
            (std::vector<std::string>{"Her father, S.W.R.D. Bandaranaike, was shot.",
                                      "J.R.R. Tolkien wrote."}));
  EXPECT_EQ(all("Talks were held in the U.A.E. The deal followed."),
            (std::vector<std::string>{"Talks were held in the U.A.E.", "The deal followed."}));
}

// An acronym that ends in a letter CLDR lists as an initial ("O." of
// "NATO.") ends its sentence; an initial alone still opens a name.
TEST(SentenceSplitterTest, AnAcronymEndingInAnInitialsLetterEndsTheSentence) {
  EXPECT_EQ(SplitAll("It was issued by NATO. The minister agreed. So did UNICEF. Then "
                     "G. Smith spoke."),
            (std::vector<std::string>{"It was issued by NATO.", "The minister agreed.",
                                      "So did UNICEF.", "Then G. Smith spoke."}));
}

TEST(SentenceSplitterTest, AbbreviationsMatchWholeWordsOnly) {
  SentenceSplitter splitter({"al.", "est.", "Co."});
  std::string t = "They rejected the proposal. German officials protest. Then Co. left.";
  auto spans = splitter.Split(t, 0, t.size());
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(t.substr(spans[2].first, spans[2].second - spans[2].first), "Then Co. left.");
}

// Words that only look like abbreviations to CLDR end sentences.
TEST(SentenceSplitterTest, WordsOutsideTheAbbreviationsEndSentences) {
  EXPECT_EQ(SplitAll("Congress passed the Clean Air Act. The law took effect. She used "
                     "WhatsApp. It was a dating app. He came in."),
            (std::vector<std::string>{"Congress passed the Clean Air Act.", "The law took effect.",
                                      "She used WhatsApp.", "It was a dating app.",
                                      "He came in."}));
}

TEST(SentenceSplitterTest, TrimsAndSplitsWithinRange) {
  std::string text = "xx  Alpha beta.  Gamma.  yy";
  SentenceSplitter splitter;
  auto spans = splitter.Split(text, 2, text.size() - 2);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(text.substr(spans[0].first, spans[0].second - spans[0].first), "Alpha beta.");
  EXPECT_EQ(text.substr(spans[1].first, spans[1].second - spans[1].first), "Gamma.");
}

TEST(SentenceSplitterTest, BoundsVeryLongSentences) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "word ";
  SentenceSplitter splitter;
  auto spans = splitter.Split(text, 0, text.size());
  ASSERT_GT(spans.size(), 1u);
  for (auto [s, e] : spans) EXPECT_LE(e - s, SentenceSplitter::kMaxSentenceBytes);
}

}  // namespace
}  // namespace claims::text
