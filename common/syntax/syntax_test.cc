#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "common/syntax/conllu.h"
#include "common/syntax/dependency_parser.h"
#include "common/syntax/lemmatizer.h"
#include "common/syntax/pos_tagger.h"
#include "common/syntax/syntax_eval.h"
#include "common/syntax/syntax_models.h"
#include "common/syntax/word_classes.h"
#include "common/syntax/word_features.h"
#include "common/testing/scratch.h"
#include "gtest/gtest.h"

namespace claims::syntax {
namespace {

// A small treebank written for these tests.
constexpr char kTreebank[] = R"(# text = Police said the man fled.
1	Police	police	NOUN	NNS	_	2	nsubj	_	_
2	said	say	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	man	man	NOUN	NN	_	5	nsubj	_	_
5	fled	flee	VERB	VBD	_	2	ccomp	_	SpaceAfter=No
6	.	.	PUNCT	.	_	2	punct	_	_

# text = The bill was passed by Parliament.
1	The	the	DET	DT	_	2	det	_	_
2	bill	bill	NOUN	NN	_	4	nsubj:pass	_	_
3	was	be	AUX	VBD	_	4	aux:pass	_	_
4	passed	pass	VERB	VBN	_	0	root	_	_
5	by	by	ADP	IN	_	6	case	_	_
6	Parliament	Parliament	PROPN	NNP	_	4	obl:agent	_	SpaceAfter=No
7	.	.	PUNCT	.	_	4	punct	_	_

# text = They don't agree.
1-2	don't	_	_	_	_	_	_	_	_
1	They	they	PRON	PRP	_	3	nsubj	_	_
2	do	do	AUX	VBP	_	3	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	agree	agree	VERB	VB	_	0	root	_	SpaceAfter=No
4.1	agree	agree	VERB	VB	_	_	_	_	_
5	.	.	PUNCT	.	_	4	punct	_	_
)";

std::vector<SyntaxSentence> Treebank() {
  absl::StatusOr<std::vector<SyntaxSentence>> s = ParseConllu(kTreebank, "test");
  EXPECT_TRUE(s.ok()) << s.status();
  return *s;
}

TEST(SyntaxScoresTest, LasComparesSubtypesAndUniversalLasDoesNot) {
  SyntaxSentence gold(3);
  gold[0] = {"Taxes", "tax", Upos::kNoun, "NNS", 2, DepRel::kNsubjPass};
  gold[1] = {"were", "be", Upos::kAux, "VBD", 2, DepRel::kAuxPass};
  gold[2] = {"raised", "raise", Upos::kVerb, "VBN", -1, DepRel::kRoot};
  SyntaxSentence predicted = gold;
  predicted[0].rel = DepRel::kNsubj;  // right relation, wrong subtype
  predicted[1].head = 0;              // wrong head: wrong for both
  SyntaxScores scores;
  scores.Add(gold, predicted);
  EXPECT_EQ(scores.words, 3u);
  EXPECT_EQ(scores.uas, 2u);
  EXPECT_EQ(scores.las, 1u);
  EXPECT_EQ(scores.ulas, 2u);
  EXPECT_NE(scores.Summary().find("LAS 0.3333 uLAS 0.6667"), std::string::npos)
      << scores.Summary();
}

TEST(ConlluTest, ReadsWordsSkippingRangesAndEmptyNodes) {
  const std::vector<SyntaxSentence> s = Treebank();
  ASSERT_EQ(s.size(), 3u);
  ASSERT_EQ(s[2].size(), 5u);
  EXPECT_EQ(s[2][1].form, "do");
  EXPECT_EQ(s[2][2].lemma, "not");
  EXPECT_EQ(s[1][1].rel, DepRel::kNsubjPass);
  EXPECT_EQ(s[1][3].head, -1);
  EXPECT_EQ(s[0][0].head, 1);
  EXPECT_EQ(s[0][0].upos, Upos::kNoun);
}

TEST(ConlluTest, ErrorsNameTheLine) {
  absl::StatusOr<std::vector<SyntaxSentence>> s =
      ParseConllu("1\ta\ta\tNOUN\tNN\t_\t0\troot\t_\t_\n2\tb\tb\tNOPE\tNN\t_\t1\tdep\t_\t_\n", "f");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().message(), "f:2: unknown UPOS NOPE");
  EXPECT_FALSE(ParseConllu("1\ta\n", "f").ok());
  EXPECT_FALSE(ParseConllu("2\ta\ta\tNOUN\tNN\t_\t0\troot\t_\t_\n", "f").ok());
}

TEST(SyntaxTypesTest, RelationsAndTags) {
  EXPECT_EQ(ParseDepRel("nsubj:pass"), DepRel::kNsubjPass);
  EXPECT_EQ(ParseDepRel("obl:foo"), DepRel::kObl);
  EXPECT_EQ(ParseDepRel("nonsense"), std::nullopt);
  EXPECT_EQ(BaseRel(DepRel::kNsubjPass), DepRel::kNsubj);
  EXPECT_EQ(BaseRel(DepRel::kObj), DepRel::kObj);
  EXPECT_EQ(DepRelName(DepRel::kCompoundPrt), "compound:prt");
  EXPECT_EQ(ParseUpos("PROPN"), Upos::kPropn);
  EXPECT_EQ(UposName(Upos::kSconj), "SCONJ");
}

TEST(WordFeaturesTest, ShapesAndAffixes) {
  EXPECT_EQ(WordShape("Netanyahu"), "Xx");
  EXPECT_EQ(WordShape("U.S."), "X.X.");
  EXPECT_EQ(WordShape("2,500"), "d,d");
  EXPECT_EQ(WordShape("al-Ani"), "x-Xx");
  EXPECT_EQ(NormalizeWord("Q3-2024"), "q0-0000");
  EXPECT_EQ(LastChars("Erdoğan", 3), "ğan");
  EXPECT_EQ(FirstChars("Żabka", 1), "Ż");
  EXPECT_EQ(LastChars("ab", 5), "ab");
  const WordHashes h = HashWord("NATO");
  EXPECT_TRUE(h.all_caps);
  EXPECT_TRUE(h.capitalized);
  EXPECT_FALSE(HashWord("A").all_caps);
  // Letters beyond ASCII by their case: a name is a name in any script.
  EXPECT_EQ(WordShape("Ōhashi"), "Xx");
  EXPECT_EQ(WordShape("Özil"), "Xx");
  EXPECT_EQ(WordShape("café"), "x");
  EXPECT_EQ(WordShape("北京"), "u");
  EXPECT_TRUE(HashWord("Ōhashi").capitalized);
  EXPECT_TRUE(HashWord("Şahin").capitalized);
  EXPECT_FALSE(HashWord("émile").capitalized);
  EXPECT_TRUE(HashWord("ÉTÉ").all_caps);
}

TEST(LemmaEditTest, SmallestEdit) {
  EXPECT_EQ(LemmaEdit::Between("flies", "fly").Name(), "l|ies|y");
  EXPECT_EQ(LemmaEdit::Between("Police", "police").Name(), "l||");
  EXPECT_EQ(LemmaEdit::Between("Parliament", "Parliament").Name(), "k||");
  EXPECT_EQ(LemmaEdit::Between("went", "go").Name(), "l|went|go");
  const LemmaEdit edit = LemmaEdit::Between("flies", "fly");
  EXPECT_TRUE(edit.AppliesTo("Cries"));
  EXPECT_EQ(edit.Apply("Cries"), "cry");
  EXPECT_FALSE(edit.AppliesTo("cats"));
  LemmaEdit parsed;
  ASSERT_TRUE(LemmaEdit::Parse("k|s|", &parsed));
  EXPECT_FALSE(parsed.lower);
  EXPECT_EQ(parsed.Apply("Smiths"), "Smith");
}

TEST(DependencyParserTest, Projectivity) {
  const std::vector<SyntaxSentence> s = Treebank();
  EXPECT_TRUE(DependencyParser::IsProjective(s[0]));
  SyntaxSentence crossing = s[0];
  crossing[0].head = 2;  // arc 0-2 ...
  crossing[1].head = 4;  // ... crosses arc 1-4
  EXPECT_FALSE(DependencyParser::IsProjective(crossing));
}

// Every word has a head inside the sentence or is the one root, and
// following heads from any word reaches the root.
void ExpectTree(const SyntaxSentence& s) {
  int roots = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i].head < 0) {
      ++roots;
      EXPECT_EQ(s[i].rel, DepRel::kRoot);
      continue;
    }
    ASSERT_LT(s[i].head, static_cast<int>(s.size()));
    int steps = 0;
    for (int j = static_cast<int>(i); j >= 0 && steps <= static_cast<int>(s.size()); j = s[j].head) ++steps;
    EXPECT_LE(steps, static_cast<int>(s.size())) << "cycle through word " << i;
  }
  EXPECT_EQ(roots, 1);
}

TEST(SyntaxTrainingTest, ModelsLearnTheirTrainingData) {
  const std::vector<SyntaxSentence> train = Treebank();
  PosTagger::TrainOptions tag_opt;
  tag_opt.epochs = 10;
  const PosTagger tagger = PosTagger::Train(train, tag_opt);
  Lemmatizer::TrainOptions lemma_opt;
  lemma_opt.epochs = 10;
  const Lemmatizer lemmatizer = Lemmatizer::Train(train, lemma_opt);
  DependencyParser::TrainOptions parse_opt;
  parse_opt.epochs = 20;
  const DependencyParser parser = DependencyParser::Train(train, parse_opt);
  const SyntaxModels models(tagger, lemmatizer, parser);
  SyntaxScores scores;
  for (const SyntaxSentence& gold : train) {
    SyntaxSentence s = gold;
    models.Analyze(&s);
    ExpectTree(s);
    scores.Add(gold, s);
  }
  EXPECT_EQ(scores.upos, scores.words) << scores.Summary();
  EXPECT_EQ(scores.las, scores.words) << scores.Summary();
  EXPECT_EQ(scores.lemma, scores.words) << scores.Summary();

  // Saved and loaded models give the same analyses.
  const std::string dir = ScratchPath("models");
  std::filesystem::create_directories(dir);
  ASSERT_TRUE(models.Save(dir).ok());
  absl::StatusOr<SyntaxModels> loaded = SyntaxModels::Load(dir);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  for (const SyntaxSentence& gold : train) {
    SyntaxSentence a = gold, b = gold;
    models.Analyze(&a);
    loaded->Analyze(&b);
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].head, b[i].head);
      EXPECT_EQ(a[i].rel, b[i].rel);
      EXPECT_EQ(a[i].xpos, b[i].xpos);
    }
  }
  // A tagger model is not a parser model.
  std::filesystem::copy_file(dir + "/tagger.clm", dir + "/parser-moves.clm",
                             std::filesystem::copy_options::overwrite_existing);
  EXPECT_EQ(SyntaxModels::Load(dir).status().code(), absl::StatusCode::kFailedPrecondition);
  std::filesystem::remove_all(dir);
}

TEST(WordClassesTest, NounAndVerbClassesOfALemma) {
  const std::string path = WriteScratchFile(
      "classes.tsv", "# comment\nfork\t6\t35\nfriday\t28\t0\n");
  absl::StatusOr<WordClasses> classes = WordClasses::Load(path);
  ASSERT_TRUE(classes.ok()) << classes.status();
  EXPECT_EQ(classes->size(), 2u);
  EXPECT_EQ(classes->Of("fork", Upos::kNoun), 6);
  EXPECT_EQ(classes->Of("fork", Upos::kVerb), 35);
  EXPECT_EQ(classes->Of("friday", Upos::kVerb), 0);
  EXPECT_EQ(classes->Of("fork", Upos::kAdj), 0);  // only nouns and verbs
  EXPECT_EQ(classes->Of("spoon", Upos::kNoun), 0);
}

TEST(WordClassesTest, ABadRowIsDataLossNamingTheLine) {
  const std::string path =
      WriteScratchFile("bad-classes.tsv", "fork\t6\t35\nspoon\tsix\t0\n");
  absl::StatusOr<WordClasses> classes = WordClasses::Load(path);
  EXPECT_EQ(classes.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(classes.status().message().find("bad-classes.tsv:2"), absl::string_view::npos);
  EXPECT_EQ(WordClasses::Load(path + ".missing").status().code(), absl::StatusCode::kNotFound);
}

TEST(WordClassesTest, TheShippedFileLoads) {
  absl::StatusOr<WordClasses> classes =
      WordClasses::Load(std::string(CLAIMS_SOURCE_DATA_DIR) + "/models/word-classes.tsv");
  ASSERT_TRUE(classes.ok()) << classes.status();
  EXPECT_GT(classes->size(), 50000u);
  EXPECT_EQ(classes->Of("friday", Upos::kNoun), 28);  // noun.time
  EXPECT_EQ(classes->Of("say", Upos::kVerb), 32);     // verb.communication
  // Saved, it is the file it was loaded from, byte for byte (training
  // writes it beside the parser it trained).
  const std::string copy = ScratchPath("word-classes-copy.tsv");
  ASSERT_TRUE(classes->Save(copy).ok());
  auto read = [](const std::string& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  EXPECT_EQ(read(copy),
            read(std::string(CLAIMS_SOURCE_DATA_DIR) + "/models/word-classes.tsv"));
}

}  // namespace
}  // namespace claims::syntax
