#include "common/entities/conll2003.h"
#include "common/entities/entity_tagger.h"
#include "common/entities/gazetteer.h"
#include "gtest/gtest.h"

namespace claims::entities {
namespace {

// Sentences written for these tests, in the CoNLL-2003 layout (IOB1).
constexpr char kDocs[] = R"(-DOCSTART- -X- -X- O

Angela NNP B-NP I-PER
Merkel NNP I-NP I-PER
met VBD B-VP O
Emmanuel NNP B-NP I-PER
Macron NNP I-NP I-PER
in IN B-PP O
Paris NNP B-NP I-LOC
. . O O

Siemens NNP B-NP I-ORG
shares NNS I-NP O
fell VBD B-VP O
in IN B-PP O
Frankfurt NNP B-NP I-LOC
. . O O

-DOCSTART- -X- -X- O

The DT B-NP O
Kenyan JJ I-NP I-MISC
team NN I-NP O
beat VBD B-VP O
Ghana NNP B-NP I-LOC
Uganda NNP I-NP B-LOC
. . O O
)";

std::vector<EntityDocument> Docs() {
  absl::StatusOr<std::vector<EntityDocument>> docs = ParseConll2003(kDocs, "test");
  EXPECT_TRUE(docs.ok()) << docs.status();
  return *docs;
}

TEST(Conll2003Test, ReadsDocumentsSentencesAndIob1Spans) {
  const std::vector<EntityDocument> docs = Docs();
  ASSERT_EQ(docs.size(), 2u);
  ASSERT_EQ(docs[0].sentences.size(), 2u);
  EXPECT_EQ(docs[0].sentences[0][1].form, "Merkel");
  EXPECT_EQ(docs[0].sentences[0][1].xpos, "NNP");
  const std::vector<EntitySpan> want = {{0, 2, EntityType::kPerson},
                                        {3, 5, EntityType::kPerson},
                                        {6, 7, EntityType::kLocation}};
  EXPECT_EQ(docs[0].entities[0], want);
  // B-LOC right after I-LOC starts a second name.
  const std::vector<EntitySpan> want2 = {{1, 2, EntityType::kMisc},
                                         {4, 5, EntityType::kLocation},
                                         {5, 6, EntityType::kLocation}};
  EXPECT_EQ(docs[1].entities[0], want2);
}

TEST(Conll2003Test, ErrorsNameTheLine) {
  absl::StatusOr<std::vector<EntityDocument>> bad = ParseConll2003("a NN O\n", "f");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "f:1: expected 4 columns");
  EXPECT_FALSE(ParseConll2003("a NN B-NP X-PER\n", "f").ok());
}

TEST(EntityTaggerTest, LearnsItsTrainingDocumentsWithWellFormedSpans) {
  const std::vector<EntityDocument> docs = Docs();
  EntityTagger::TrainOptions options;
  options.epochs = 15;
  const EntityTagger tagger = EntityTagger::Train(docs, nullptr, options);
  EntityScores scores;
  for (const EntityDocument& doc : docs) {
    const auto found = tagger.Tag(doc.sentences, nullptr);
    ASSERT_EQ(found.size(), doc.sentences.size());
    for (size_t s = 0; s < found.size(); ++s) {
      for (const EntitySpan& span : found[s]) {
        EXPECT_LT(span.begin, span.end);
        EXPECT_LE(span.end, static_cast<int>(doc.sentences[s].size()));
      }
      scores.Add(doc.entities[s], found[s]);
    }
  }
  EXPECT_EQ(scores.correct, scores.gold) << scores.Summary();
  EXPECT_EQ(scores.predicted, scores.gold) << scores.Summary();
}

TEST(EntityScoresTest, ExactTypedMatch) {
  EntityScores s;
  s.Add({{0, 2, EntityType::kPerson}, {3, 4, EntityType::kLocation}},
        {{0, 2, EntityType::kPerson}, {3, 4, EntityType::kOrganization}});
  EXPECT_EQ(s.correct, 1u);
  EXPECT_DOUBLE_EQ(s.F1(), 0.5);
  EXPECT_DOUBLE_EQ(s.F1(EntityType::kPerson), 1.0);
  EXPECT_DOUBLE_EQ(s.F1(EntityType::kLocation), 0.0);
}

TEST(KbGazetteerTest, MarksKnownNamesWithTheirPositions) {
  absl::StatusOr<std::unique_ptr<KnowledgeBase>> kb = KnowledgeBase::FromJsonLines({
      R"({"id": "FRA", "name": "France", "type": "LOCATION", "kind": "country", "country": "FRA", "demonyms": ["French"]})",
      R"({"id": "new-york-usa", "name": "New York", "type": "LOCATION", "kind": "place", "country": "USA"})",
      R"({"id": "european-commission", "name": "European Commission", "type": "ORGANIZATION", "kind": "organisation"})",
  });
  ASSERT_TRUE(kb.ok()) << kb.status();
  const KbGazetteer gazetteer(**kb);
  GazetteerHits hits;
  gazetteer.Annotate({"The", "European", "Commission", "and", "French", "officials", "in",
                      "New", "York"},
                     &hits);
  ASSERT_EQ(hits.size(), 9u);
  EXPECT_TRUE(hits[0].empty());
  ASSERT_EQ(hits[1].size(), 1u);
  EXPECT_EQ(hits[1][0].kind, GazetteerKind::kOrganisation);
  EXPECT_EQ(hits[1][0].position, SpanPosition::kBegin);
  EXPECT_EQ(hits[2][0].position, SpanPosition::kLast);
  ASSERT_EQ(hits[4].size(), 1u);
  EXPECT_EQ(hits[4][0].kind, GazetteerKind::kDemonym);
  EXPECT_EQ(hits[4][0].position, SpanPosition::kUnit);
  EXPECT_TRUE(hits[5].empty());
  ASSERT_FALSE(hits[7].empty());
  EXPECT_EQ(hits[7][0].kind, GazetteerKind::kPlace);
  // All-caps headlines match case-folded.
  gazetteer.Annotate({"FRANCE", "WINS"}, &hits);
  ASSERT_EQ(hits[0].size(), 1u);
  EXPECT_EQ(hits[0][0].kind, GazetteerKind::kCountry);
}

}  // namespace
}  // namespace claims::entities
