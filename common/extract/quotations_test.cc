#include "common/extract/quotations.h"

#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "common/text/tokenizer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace claims {
namespace {

using ::testing::ElementsAre;

// The body of `parts` (sentences joined by a space, or a paragraph break
// where a part is empty) and its sentences, tokenized.
class Article {
 public:
  explicit Article(const std::vector<std::string>& parts) {
    std::vector<std::pair<size_t, size_t>> spans;
    for (const std::string& p : parts) {
      if (p.empty()) {
        body_ += "\n\n";
        continue;
      }
      if (!body_.empty() && body_.back() != '\n') body_ += " ";
      spans.emplace_back(body_.size(), body_.size() + p.size());
      body_ += p;
    }
    for (const auto& [start, end] : spans) {
      SentenceTokens s;
      s.start = start;
      s.end = end;
      s.tokens = text::Tokenize(body_, start, end);
      sentences_.push_back(std::move(s));
    }
  }
  std::vector<int> Attributions() const { return QuotationAttributions(body_, sentences_); }
  const std::string& body() const { return body_; }
  const std::vector<SentenceTokens>& sentences() const { return sentences_; }

 private:
  std::string body_;
  std::vector<SentenceTokens> sentences_;
};

TEST(QuotationsTest, SentencesInsideAQuotationTakeItsAttribution) {
  // Speaker after the quotation: the sentences before the closing mark.
  EXPECT_THAT(Article({"\"We have found the wreck.", "It is intact.",
                       "It lies in deep water,\" Mary Jones said.", "The ship sank in 1912."})
                  .Attributions(),
              ElementsAre(2, 2, -1, -1));
  // Speaker before it: the sentences after the opening mark.
  EXPECT_THAT(Article({"The minister said: \"We will not pay.", "Not now, not ever.\""})
                  .Attributions(),
              ElementsAre(-1, 0));
  // Curly marks.
  EXPECT_THAT(Article({"\xe2\x80\x9cPrices will rise.", "Wages will not,\xe2\x80\x9d he said."})
                  .Attributions(),
              ElementsAre(1, -1));
}

TEST(QuotationsTest, AQuotedSentenceGoesOnWithTheSpeakerBeforeIt) {
  EXPECT_THAT(Article({"\"We won,\" she said.", "\"It was hard.\"", "", "\"Very hard.\"",
                       "The club said nothing.", "\"No comment.\""})
                  .Attributions(),
              ElementsAre(-1, 0, 0, -1, -1));
}

TEST(QuotationsTest, QuotationsInOneSentenceOrUnattributedOrCutByAParagraphCountNot) {
  EXPECT_THAT(Article({"\"We won,\" she said.", "The club said nothing."}).Attributions(),
              ElementsAre(-1, -1));
  // Nobody named on either side.
  EXPECT_THAT(Article({"\"Never again.", "Never.\""}).Attributions(), ElementsAre(-1, -1));
  // A quotation running into the next paragraph is reopened there; the
  // first paragraph's mark does not pair with the second's.
  EXPECT_THAT(Article({"\"We will rebuild the town.", "", "\"Every house,\" the mayor said."})
                  .Attributions(),
              ElementsAre(-1, -1));
}

TEST(QuotationsTest, TheSpeakersSourceAndTheQuotedWordsGoToTheClaimsInside) {
  const Article a({"\"We have found the wreck.", "It lies in deep water,\" Mary Jones said."});
  google::protobuf::RepeatedPtrField<claims::v1::Claim> claims;
  claims::v1::Claim* inside = claims.Add();
  inside->set_start(static_cast<uint32_t>(a.sentences()[0].start));
  inside->set_predicate("find");
  inside->set_modality(claims::v1::ASSERTED);
  claims::v1::Claim* said = claims.Add();
  said->set_start(static_cast<uint32_t>(a.sentences()[1].start));
  said->set_predicate("lie");
  said->set_modality(claims::v1::REPORTED);
  said->mutable_modality_source()->set_id("mary-jones");
  said->mutable_quote()->set_text("It lies in deep water,");

  AttributeQuotations(a.body(), a.Attributions(), a.sentences(), &claims);
  EXPECT_EQ(claims[0].modality(), claims::v1::REPORTED);
  EXPECT_EQ(claims[0].content_modality(), claims::v1::ASSERTED);
  EXPECT_EQ(claims[0].modality_source().id(), "mary-jones");
  EXPECT_EQ(claims[0].quote().text(), "We have found the wreck.");
  EXPECT_EQ(claims[0].quote().speaker().id(), "mary-jones");
  EXPECT_EQ(claims[1].quote().text(), "It lies in deep water,");
}

}  // namespace
}  // namespace claims
