#include "common/extract/topics.h"

#include <unistd.h>

#include <algorithm>
#include <deque>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/testing/scratch.h"
#include "common/text/tokenizer.h"
#include "gtest/gtest.h"

namespace claims {
namespace {

constexpr char kTaxonomy[] =
    R"({"id": "conflict", "label": "C"})" "\n"
    R"({"id": "conflict/armed-conflict", "label": "AC"})" "\n"
    R"({"id": "labour", "label": "L", "aliases": ["economy/labour"]})" "\n"
    R"({"id": "labour/strike", "label": "S"})" "\n"
    R"({"id": "law", "label": "Law"})" "\n"
    R"({"id": "law/judiciary", "label": "J"})" "\n"
    R"({"id": "law/judiciary/appeal", "label": "A"})" "\n"
    R"({"id": "sport", "label": "Sp"})" "\n"
    R"({"id": "sport/tennis", "label": "T", "keywords": ["wimbledon"]})" "\n";

constexpr char kCues[] =
    R"({"topic": "labour/strike", "words": ["strike"], "with": ["union", "workers"], "with_article": ["labour"], "without": ["missile"]})" "\n"
    R"({"topic": "conflict/armed-conflict", "words": ["strike"], "with": ["missile", "drone"], "with_article": ["conflict"], "without": ["union"]})" "\n"
    R"({"topic": "conflict/armed-conflict", "words": ["war"], "without": ["trade war"]})" "\n"
    R"({"topic": "conflict", "words": ["fighting"]})" "\n"
    R"({"topic": "economy/labour", "words": ["workers"], "weight": 0.5})" "\n"
    R"({"topic": "law/judiciary", "words": ["court"], "near": ["supreme"], "with": ["judge"], "without": ["tennis"]})" "\n"
    R"({"topic": "sport/tennis", "words": ["court"], "with": ["tennis"]})" "\n"
    R"({"topic": "sport/tennis", "words": ["serve"], "upos": ["NOUN"]})" "\n"
    R"({"topic": "sport", "words": ["match"]})" "\n"
    R"({"topic": "law/judiciary", "words": ["magistrate"]})" "\n"
    R"({"topic": "labour", "words": ["payroll"]})" "\n"
    R"({"topic": "sport", "words": ["100 metres"]})" "\n"
    R"({"topic": "conflict/armed-conflict", "event_types": ["ASSAULT"], "weight": 0.5})" "\n"
    R"({"topic": "law/judiciary", "actor_roles": ["judiciary"]})" "\n";

// A sentence analysed the simple way: lemma = lower-case form, UPOS from a
// "/TAG" suffix ("serve/VERB"), else NOUN; "head>dependent" ties are not
// needed except where a test gives heads.
SentenceTokens Sentence(const std::string& text, const std::vector<int>& heads = {}) {
  SentenceTokens s;
  std::vector<std::string> forms;
  std::vector<syntax::Upos> tags;
  std::string plain;
  for (absl::string_view w : absl::StrSplit(text, ' ', absl::SkipEmpty())) {
    std::vector<std::string> parts = absl::StrSplit(w, '/');
    if (!plain.empty()) plain += " ";
    plain += parts[0];
    tags.push_back(parts.size() > 1 ? *syntax::ParseUpos(parts[1]) : syntax::Upos::kNoun);
  }
  // Tokens point into their text, which lives as long as the test.
  static std::deque<std::string>* texts = new std::deque<std::string>();
  texts->push_back(plain);
  s.tokens = text::Tokenize(texts->back(), 0, texts->back().size());
  s.words.resize(s.tokens.size());
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    s.words[i].form = std::string(s.tokens[i].text);
    s.words[i].lemma = absl::AsciiStrToLower(s.words[i].form);
    s.words[i].upos = i < tags.size() ? tags[i] : syntax::Upos::kNoun;
    s.words[i].head = i < heads.size() ? heads[i] : -1;
  }
  s.end = plain.size();
  return s;
}

// "topic=score,..." of a sentence's cued topics, sorted.
std::string Scored(const Taxonomy& taxonomy, const SentenceTopics& sentence) {
  std::vector<std::string> out;
  for (const ScoredTopic& st : sentence.scored) {
    out.push_back(
        absl::StrCat(taxonomy.topics()[static_cast<size_t>(st.topic)].id(), "=", st.score));
  }
  std::sort(out.begin(), out.end());
  return absl::StrJoin(out, ",");
}

class TopicStageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto t = Taxonomy::LoadFromFile(
        WriteScratchFile("topics_test_taxonomy.jsonl", kTaxonomy));
    ASSERT_TRUE(t.ok()) << t.status();
    taxonomy_ = std::move(*t);
    auto stage = TopicStage::Load(
        *taxonomy_, {WriteScratchFile("topics_test_cues.jsonl", kCues)},
        TopicOptions{});
    ASSERT_TRUE(stage.ok()) << stage.status();
    stage_ = std::move(*stage);
  }

  // Topics and their cues of one claim per sentence, the sentences forming
  // one article: "topic<-cue,topic<-cue | ...".
  std::string Article(const std::vector<SentenceTokens>& sentences,
                      const std::string& event_type = "",
                      const std::string& actor_role = "") {
    std::vector<SentenceTopics> pass1;
    for (const auto& s : sentences) pass1.push_back(stage_->ScoreSentence(s));
    ArticleTopics article = stage_->RankArticle(pass1);
    ArticleActor actor;
    actor.id = "a1";
    actor.role = actor_role;
    absl::flat_hash_map<std::string, const ArticleActor*> actors = {{"a1", &actor}};
    std::vector<std::string> out;
    for (const auto& p : pass1) {
      claims::v1::Claim c;
      c.set_event_type(event_type);
      c.add_subjects()->set_id("a1");
      stage_->Assign(p, article, actors, &c);
      std::vector<std::string> topics;
      for (const auto& e : c.evidence()) topics.push_back(e.cue());
      EXPECT_EQ(c.topics_size(), c.evidence_size());
      out.push_back(absl::StrJoin(topics, ","));
    }
    article_ids_ = absl::StrJoin(stage_->Ids(article), ",");
    return absl::StrJoin(out, " | ");
  }

  std::unique_ptr<Taxonomy> taxonomy_;
  std::unique_ptr<TopicStage> stage_;
  std::string article_ids_;
};

TEST_F(TopicStageTest, StrikeIsLabourBesideUnionsAndWarBesideMissiles) {
  EXPECT_EQ(Article({Sentence("The union called a strike on Tuesday")}),
            "labour/strike <- strike+union");
  EXPECT_EQ(Article({Sentence("A missile strike hit the port")}),
            "conflict/armed-conflict <- strike+missile");
  // Neither licence: no topic at all rather than a guess.
  EXPECT_EQ(Article({Sentence("The strike was called off")}), "");
}

TEST_F(TopicStageTest, ArticleTopicsLicenseAnAmbiguousWord) {
  // The first sentences make the story a war story; "strike" alone then
  // reads as a military one.
  EXPECT_EQ(Article({Sentence("The war went on"), Sentence("The war spread"),
                     Sentence("The strike was called off")}),
            "conflict/armed-conflict <- war | conflict/armed-conflict <- war | "
            "conflict/armed-conflict <- strike@article");
  EXPECT_EQ(article_ids_, "conflict/armed-conflict");
}

TEST_F(TopicStageTest, CourtIsLawOrSportBySyntaxAndCompany) {
  // "supreme" hangs on "court" (head index 2 for word 1).
  EXPECT_EQ(Article({Sentence("The supreme court/PROPN ruled", {2, 2, -1})}),
            "law/judiciary <- court~supreme");
  EXPECT_EQ(Article({Sentence("The judge left the court")}), "law/judiciary <- court+judge");
  EXPECT_EQ(Article({Sentence("She left the tennis court")}), "sport/tennis <- court+tennis");
  // Part of speech: a serve in tennis is a noun, "serve" as a verb is not.
  EXPECT_EQ(Article({Sentence("Her serve/NOUN was fast")}), "sport/tennis <- serve");
  EXPECT_EQ(Article({Sentence("They serve/VERB lunch")}), "");
}

TEST_F(TopicStageTest, PhrasesRuleCuesOut) {
  EXPECT_EQ(Article({Sentence("The war ended")}), "conflict/armed-conflict <- war");
  EXPECT_EQ(Article({Sentence("The trade war ended")}), "");
}

TEST_F(TopicStageTest, ChildReplacesItsParentAndAliasesNameTopics) {
  // "fighting" cues conflict, "war" its child: only the child is kept.
  EXPECT_EQ(Article({Sentence("Fighting and war")}), "conflict/armed-conflict <- war");
  // The cue file names "economy/labour", an alias of "labour"; a weak cue
  // (0.5) alone is not enough.
  EXPECT_EQ(Article({Sentence("Workers gathered")}), "");
  // The taxonomy's own keywords are cues too.
  EXPECT_EQ(Article({Sentence("Wimbledon opened")}), "sport/tennis <- wimbledon");
}

TEST_F(TopicStageTest, ArticlePriorLiftsWeakCuesInsideTheStory) {
  // In a labour story, "workers" (0.5) plus the prior (0.5) is labour,
  // narrowed to the story's own labour topic.
  EXPECT_EQ(Article({Sentence("The union began a strike"), Sentence("The union began a strike"),
                     Sentence("Workers gathered")}),
            "labour/strike <- strike+union | labour/strike <- strike+union | "
            "labour/strike <- workers>article");
}

TEST_F(TopicStageTest, NeutralSentencesInheritTheArticleTopic) {
  EXPECT_EQ(Article({Sentence("The union began a strike"), Sentence("It was cold")}),
            "labour/strike <- strike+union | labour/strike <- article");
  TopicOptions no_inherit;
  no_inherit.inherit_article_topics = false;
  auto stage = TopicStage::Load(
      *taxonomy_, {WriteScratchFile("topics_test_cues.jsonl", kCues)},
      no_inherit);
  ASSERT_TRUE(stage.ok());
  stage_ = std::move(*stage);
  EXPECT_EQ(Article({Sentence("The union began a strike"), Sentence("It was cold")}),
            "labour/strike <- strike+union | ");
}

TEST_F(TopicStageTest, TheLedeLeadsTheArticleTopics) {
  // One sentence each: the first one says what the story is about.
  Article({Sentence("The union began a strike"), Sentence("The war went on")});
  EXPECT_EQ(article_ids_, "labour/strike,conflict/armed-conflict");
  Article({Sentence("The war went on"), Sentence("The union began a strike")});
  EXPECT_EQ(article_ids_, "conflict/armed-conflict,labour/strike");
}

TEST_F(TopicStageTest, TiesGoToTheBranchThatHoldsMoreOfTheStory) {
  Article({Sentence("The union began a strike and the war went on"), Sentence("Payroll grew")});
  EXPECT_EQ(article_ids_, "labour/strike,conflict/armed-conflict,labour");
}

TEST_F(TopicStageTest, APhraseMayStartWithANumber) {
  EXPECT_EQ(Article({Sentence("He ran the 100 metres")}), "sport <- 100 metres");
}

TEST_F(TopicStageTest, AGenericTopicTakesTheStorysOwnBranch) {
  // "match" cues sport; in a tennis story the match is a tennis match.
  EXPECT_EQ(Article({Sentence("Wimbledon opened"), Sentence("The match was long")}),
            "sport/tennis <- wimbledon | sport/tennis <- match>article");
  // Outside one, it stays sport.
  EXPECT_EQ(Article({Sentence("The match was long")}), "sport <- match");
}

TEST_F(TopicStageTest, ATitleBeforeANameCountsHalf) {
  EXPECT_EQ(Article({Sentence("The magistrate spoke")}), "law/judiciary <- magistrate");
  // "Magistrate Jane Doe spoke": the title names the speaker (0.5 alone).
  SentenceTokens titled = Sentence("Magistrate Jane Doe spoke");
  titled.names.push_back({1, 3, entities::EntityType::kPerson});
  EXPECT_EQ(Article({titled}), "");
}

TEST_F(TopicStageTest, TheSubjectOfASayingVerbIsTheSpeaker) {
  auto lexicon = Lexicon::Load(CLAIMS_SOURCE_DATA_DIR "/extract");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status();
  TopicOptions options;
  options.lexicon = lexicon->get();
  auto stage = TopicStage::Load(
      *taxonomy_, {WriteScratchFile("topics_test_cues.jsonl", kCues)}, options);
  ASSERT_TRUE(stage.ok());
  stage_ = std::move(*stage);
  // "The magistrate said it rained": word 1 is the subject of "said" (2).
  SentenceTokens said = Sentence("The magistrate said/VERB it rained/VERB", {1, 2, -1, 4, 2});
  said.words[1].rel = syntax::DepRel::kNsubj;
  said.words[2].lemma = "say";
  EXPECT_EQ(Article({said}), "");
  // The subject of another verb is what the sentence is about.
  SentenceTokens ruled = Sentence("The magistrate ruled/VERB", {1, 2, -1});
  ruled.words[1].rel = syntax::DepRel::kNsubj;
  ruled.words[2].lemma = "rule";
  EXPECT_EQ(Article({ruled}), "law/judiciary <- magistrate");
}

TEST_F(TopicStageTest, ClaimFeaturesCueTopics) {
  // An ASSAULT event is weak evidence alone, enough inside a war story.
  EXPECT_EQ(Article({Sentence("They moved")}, "ASSAULT"), "");
  EXPECT_EQ(Article({Sentence("The war went on"), Sentence("They moved")}, "ASSAULT"),
            "conflict/armed-conflict <- war | conflict/armed-conflict <- event:ASSAULT");
  EXPECT_EQ(Article({Sentence("They moved")}, "", "judiciary"),
            "law/judiciary <- actor:judiciary");
}

TEST(TopicStageLoadTest, NamesFileAndLineOfABadCue) {
  auto t = Taxonomy::LoadFromFile(
      WriteScratchFile("topics_test_taxonomy.jsonl", kTaxonomy));
  ASSERT_TRUE(t.ok());
  std::string path =
      WriteScratchFile("bad_cues.jsonl",
                       "# comment\n"
                       R"({"topic": "labour", "words": ["strike"]})"
                       "\n"
                       R"({"topic": "no/such", "words": ["x"]})"
                       "\n");
  auto stage = TopicStage::Load(**t, {path}, TopicOptions{});
  ASSERT_FALSE(stage.ok());
  EXPECT_EQ(stage.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(stage.status().message().find(path + ":3"), std::string::npos)
      << stage.status();
  std::string upper = WriteScratchFile(
      "upper_cues.jsonl", R"({"topic": "labour", "words": ["Strike"]})");
  EXPECT_FALSE(TopicStage::Load(**t, {upper}, TopicOptions{}).ok());
}

TEST(TopicStageLoadTest, LaterFilesAddCues) {
  auto t = Taxonomy::LoadFromFile(
      WriteScratchFile("topics_test_taxonomy.jsonl", kTaxonomy));
  ASSERT_TRUE(t.ok());
  const std::string lexical = WriteScratchFile(
      "lexical_cues.jsonl",
      R"({"topic": "sport/tennis", "words": ["racket"], "weight": 0.5})"
      "\n");
  auto stage = TopicStage::Load(
      **t, {WriteScratchFile("topics_test_cues.jsonl", kCues), "", lexical},
      TopicOptions{});
  ASSERT_TRUE(stage.ok()) << stage.status();
  auto topics = [&](const std::string& text) {
    return Scored(**t, (*stage)->ScoreSentence(Sentence(text)));
  };
  // A weak cue of the later file counts half, beside the first file's.
  EXPECT_EQ(topics("a new racket"), "sport/tennis=0.5");
  EXPECT_EQ(topics("a racket and a serve"), "sport/tennis=1.5");
}

// The shipped cues: the hand-written file and the lexical cues generated
// from WordNet (knowledge/taxonomy/gen_wordnet_cues.py).
class TopicStageBundledTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string dir = CLAIMS_SOURCE_DATA_DIR "/taxonomy/";
    auto t = Taxonomy::LoadFromFile(dir + "topics.jsonl");
    ASSERT_TRUE(t.ok()) << t.status();
    taxonomy_ = std::move(*t);
    auto stage = TopicStage::Load(
        *taxonomy_, {dir + "topic_cues.jsonl", dir + "topic_cues_wordnet.jsonl"}, TopicOptions{});
    ASSERT_TRUE(stage.ok()) << stage.status();
    stage_ = std::move(*stage);
  }
  std::string Scored(const std::string& text) {
    return claims::Scored(*taxonomy_, stage_->ScoreSentence(Sentence(text)));
  }
  std::unique_ptr<Taxonomy> taxonomy_;
  std::unique_ptr<TopicStage> stage_;
};

TEST_F(TopicStageBundledTest, WordsNoHandCueListsGetAWeakCueFromWordNet) {
  // Hyponyms of the anchors (doctor, legislator, precipitation) that no
  // hand-written cue names.
  EXPECT_EQ(Scored("the oncologist"), "health/medical-profession=0.5");
  EXPECT_EQ(Scored("the congresswoman"), "politics/government/legislature=0.5");
  EXPECT_EQ(Scored("a downpour"), "weather/phenomena=0.5");
  // Two of them make a topic.
  EXPECT_EQ(Scored("the oncologist and the paediatrician"), "health/medical-profession=1");
  // A word whose usual senses lie under no anchor cues nothing.
  EXPECT_EQ(Scored("the table"), "");
}

}  // namespace
}  // namespace claims

namespace claims {
namespace {

// The topic stage with a trained model: the model overrules a cue in the
// wrong company and finds a topic no cue names.
class TopicStageModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto t = Taxonomy::LoadFromFile(
        WriteScratchFile("topics_test_taxonomy.jsonl", kTaxonomy));
    ASSERT_TRUE(t.ok()) << t.status();
    taxonomy_ = std::move(*t);
    auto cues = TopicStage::Load(
        *taxonomy_, {WriteScratchFile("topics_test_cues.jsonl", kCues)},
        TopicOptions{});
    ASSERT_TRUE(cues.ok()) << cues.status();
    // Each sentence alone is its article; labels with their ancestors.
    const std::vector<std::pair<std::string, std::vector<std::string>>> labelled = {
        {"the/DET war/NOUN raged/VERB", {"conflict", "conflict/armed-conflict"}},
        {"the/DET war/NOUN ended/VERB", {"conflict", "conflict/armed-conflict"}},
        {"a/DET price/NOUN war/NOUN among/ADP grocers/NOUN", {}},
        {"a/DET price/NOUN war/NOUN among/ADP airlines/NOUN", {}},
        {"the/DET umpire/NOUN called/VERB time/NOUN", {"sport", "sport/tennis"}},
        {"the/DET umpire/NOUN stopped/VERB play/NOUN", {"sport", "sport/tennis"}},
        {"the/DET magistrate/NOUN called/VERB time/NOUN", {"law", "law/judiciary"}},
        {"the/DET magistrate/NOUN heard/VERB the/DET appeal/NOUN",
         {"law", "law/judiciary", "law/judiciary/appeal"}},
    };
    std::vector<TopicModel::Example> examples;
    learn::FeatureVector f;
    for (const auto& [text, topics] : labelled) {
      const SentenceTokens s = Sentence(text);
      const SentenceTopics fired = (*cues)->ScoreSentence(s);
      const std::vector<std::string> branches = (*cues)->Branches((*cues)->RankArticle({fired}));
      TopicModel::Features(s, fired.fired, branches, &f, nullptr);
      TopicModel::Example e{std::vector<uint64_t>(f.keys().begin(), f.keys().end()), {}};
      for (const std::string& id : topics) {
        for (size_t i = 0; i < taxonomy_->topics().size(); ++i) {
          if (taxonomy_->topics()[i].id() == id) e.topics.push_back(static_cast<int>(i));
        }
      }
      examples.push_back(std::move(e));
    }
    TopicModel::TrainOptions train;
    // Scores of a few sentences are small: one unit counts 1.5 against the
    // threshold.
    train.blend = 1.5f;
    auto model = TopicModel::FromModel(TopicModel::Train(examples, *taxonomy_, train), *taxonomy_);
    ASSERT_TRUE(model.ok()) << model.status();
    model_ = std::make_unique<TopicModel>(*std::move(model));
    TopicOptions options;
    options.model = model_.get();
    auto stage = TopicStage::Load(
        *taxonomy_, {WriteScratchFile("topics_test_cues.jsonl", kCues)},
        options);
    ASSERT_TRUE(stage.ok()) << stage.status();
    stage_ = std::move(*stage);
  }

  // "topic<-cue,..." the article of one sentence gets, as a claim would.
  std::string Topics(const std::string& text) {
    const TopicStage::ArticleScores scores = stage_->ScoreArticle({Sentence(text)});
    claims::v1::Claim c;
    stage_->Assign(scores.sentences[0], scores.article, {}, &c);
    std::vector<std::string> cues;
    for (const auto& e : c.evidence()) cues.push_back(e.cue());
    return absl::StrJoin(cues, ",");
  }

  std::unique_ptr<Taxonomy> taxonomy_;
  std::unique_ptr<TopicModel> model_;
  std::unique_ptr<TopicStage> stage_;
};

TEST_F(TopicStageModelTest, ConfirmsOverrulesAndFinds) {
  // The cue "war", confirmed.
  EXPECT_EQ(Topics("the/DET war/NOUN raged/VERB"), "conflict/armed-conflict <- war");
  // The same cue among prices: overruled (an unseen company, a known price).
  EXPECT_EQ(Topics("a/DET price/NOUN war/NOUN among/ADP telecoms/NOUN"), "");
  // No cue names the umpire: the model finds tennis.
  EXPECT_EQ(Topics("the/DET umpire/NOUN waved/VERB"), "sport/tennis <- model:word:umpire");
}

TEST_F(TopicStageModelTest, AGenericCueGoesDownWhereTheModelPoints) {
  // The cue names law/judiciary; the model knows appeals.
  EXPECT_EQ(Topics("the/DET magistrate/NOUN granted/VERB the/DET appeal/NOUN"),
            "law/judiciary/appeal <- magistrate>model");
  EXPECT_EQ(Topics("the/DET magistrate/NOUN called/VERB time/NOUN"),
            "law/judiciary <- magistrate");
}

TEST_F(TopicStageModelTest, AChildTopicLearnsOnlyInsideItsParent) {
  auto index = [&](const std::string& id) {
    for (size_t i = 0; i < taxonomy_->topics().size(); ++i) {
      if (taxonomy_->topics()[i].id() == id) return static_cast<int>(i);
    }
    return -1;
  };
  // Key 10 only in tennis sentences, key 20 only in law ones.
  const std::vector<TopicModel::Example> examples = {
      {{10}, {index("sport"), index("sport/tennis")}},
      {{20}, {index("law")}},
  };
  auto model = TopicModel::FromModel(
      TopicModel::Train(examples, *taxonomy_, TopicModel::TrainOptions{}), *taxonomy_);
  ASSERT_TRUE(model.ok()) << model.status();
  std::vector<float> by_topic;
  model->Score(std::vector<uint64_t>{10}, &by_topic);
  EXPECT_GT(by_topic[static_cast<size_t>(index("sport/tennis"))], 0);
  // The law sentence is outside sport: tennis never learned from it (sport
  // did, and says no).
  model->Score(std::vector<uint64_t>{20}, &by_topic);
  EXPECT_EQ(by_topic[static_cast<size_t>(index("sport/tennis"))], 0);
  EXPECT_LT(by_topic[static_cast<size_t>(index("sport"))], 0);
}

TEST_F(TopicStageModelTest, RefusesAModelOfAnotherFeatureVersion) {
  learn::LinearModel other({"sport"}, {{"features", "topic-features-0"}, {"blend", "1"}}, {});
  EXPECT_EQ(TopicModel::FromModel(other, *taxonomy_).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace claims
