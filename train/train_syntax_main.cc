// train_syntax: trains the part-of-speech tagger, lemmatizer and dependency
// parser on Universal Dependencies English (EWT + GUM train), reports their
// figures on the dev splits, and writes the model files.
//
//   train_syntax --ud_dir=../shared/train/ud-english --out_dir=knowledge/models
//   train_syntax --ud_dir=... --out_dir=knowledge/models --evaluate_only
//
// The parser is trained on tags predicted by taggers trained on the other
// folds (jackknifing), so that it learns from the tags it will see at run
// time. Deterministic: the same data and flags give the same files.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/extract/lexicon.h"
#include "absl/time/time.h"
#include "common/syntax/conllu.h"
#include "common/syntax/dependency_parser.h"
#include "common/syntax/lemmatizer.h"
#include "common/syntax/pos_tagger.h"
#include "common/syntax/syntax_eval.h"
#include "common/syntax/syntax_models.h"
#include "train/or_die.h"

ABSL_FLAG(std::string, ud_dir, "../shared/train/ud-english",
          "folder of en_{ewt,gum}-ud-{train,dev}.conllu");
ABSL_FLAG(std::string, out_dir, "knowledge/models", "where model files go");
ABSL_FLAG(bool, evaluate_only, false, "score the models in --out_dir on dev; train nothing");
ABSL_FLAG(int, tagger_epochs, 8, "tagger training passes");
ABSL_FLAG(int, lemma_epochs, 5, "lemmatizer training passes");
ABSL_FLAG(int, parser_epochs, 12, "parser training passes");
ABSL_FLAG(int, parser_runs, 1,
          "independent parser runs of --parser_epochs passes whose models are averaged");
ABSL_FLAG(double, parser_explore, 0.9,
          "probability of following the parser's own wrong move in training (from pass 2)");
ABSL_FLAG(int, folds, 4, "jackknife folds for the parser's training tags (1 = gold tags)");
ABSL_FLAG(double, min_weight, 0.01, "averaged weights below this are dropped");
ABSL_FLAG(int, min_updates, 2,
          "parser features updated fewer times in training are dropped (the tagger and "
          "lemmatizer keep every feature: rare words are what they must learn)");
ABSL_FLAG(std::string, lexicon_dir, "knowledge/extract",
          "with --evaluate_only: also score with this lexicon's verb forms as the "
          "tagger's dictionary (as the extractor runs it)");
ABSL_FLAG(double, prune, 0, "with --evaluate_only: drop weights below this first and report sizes");
ABSL_FLAG(bool, parser_only, false,
          "train only the parser, with the tagger and lemmatizer of --tagger_dir, and "
          "write only the parser's files to --out_dir (parser experiments)");
ABSL_FLAG(std::string, tagger_dir, "knowledge/models",
          "with --parser_only: where tagger.clm and lemmatizer.clm are read from");
ABSL_FLAG(std::string, jackknife_cache, "",
          "file of the jackknifed training tags: read when it exists, else written "
          "(parser experiments skip retraining the fold taggers; delete it when the "
          "tagger, its flags or the data change)");
ABSL_FLAG(std::string, word_classes, "knowledge/models/word-classes.tsv",
          "the parser's word classes (gen_word_classes.py); written to --out_dir with the parser");
ABSL_FLAG(std::string, dump_dev, "",
          "with --evaluate_only: write the predicted dev analyses to PREFIX{EWT,GUM}.conllu");

namespace claims::syntax {
namespace {

// Predicted analyses for error analysis (ID FORM LEMMA UPOS XPOS HEAD DEPREL).
void WriteConllu(const std::string& path, const std::vector<SyntaxSentence>& sentences) {
  std::ofstream out(path);
  for (const SyntaxSentence& s : sentences) {
    for (size_t i = 0; i < s.size(); ++i) {
      out << i + 1 << '\t' << s[i].form << '\t' << s[i].lemma << '\t' << UposName(s[i].upos)
          << '\t' << s[i].xpos << "\t_\t" << s[i].head + 1 << '\t' << DepRelName(s[i].rel)
          << "\t_\t_\n";
    }
    out << '\n';
  }
}

// Tags, lemmas and parses each dev set with `models` and prints its scores
// and the speed of each stage (one thread).
void Report(const SyntaxModels& models,
            const std::vector<std::pair<std::string, std::vector<SyntaxSentence>>>& dev) {
  for (const auto& [name, gold] : dev) {
    std::vector<SyntaxSentence> predicted;
    for (const SyntaxSentence& g : gold) {
      SyntaxSentence p;
      for (const SyntaxWord& w : g) {
        SyntaxWord word;
        word.form = w.form;
        p.push_back(std::move(word));
      }
      predicted.push_back(std::move(p));
    }
    double secs[3] = {0, 0, 0};
    absl::Time start = absl::Now();
    for (SyntaxSentence& p : predicted) models.tagger().Tag(&p, models.tag_dictionary());
    secs[0] = absl::ToDoubleSeconds(absl::Now() - start);
    start = absl::Now();
    for (SyntaxSentence& p : predicted) {
      models.lemmatizer().Lemmatize(&p);
      models.RelemmatizeVerbs(&p);
    }
    secs[1] = absl::ToDoubleSeconds(absl::Now() - start);
    start = absl::Now();
    for (SyntaxSentence& p : predicted) models.parser().Parse(&p);
    secs[2] = absl::ToDoubleSeconds(absl::Now() - start);
    SyntaxScores scores;
    for (size_t i = 0; i < gold.size(); ++i) scores.Add(gold[i], predicted[i]);
    if (const std::string prefix = absl::GetFlag(FLAGS_dump_dev); !prefix.empty()) {
      WriteConllu(prefix + name + ".conllu", predicted);
    }
    std::printf("%s dev: %s; words/s: tagger %.0f lemmatizer %.0f parser %.0f all %.0f\n",
                name.c_str(), scores.Summary().c_str(), scores.words / secs[0],
                scores.words / secs[1], scores.words / secs[2],
                scores.words / (secs[0] + secs[1] + secs[2]));
  }
}

std::vector<SyntaxSentence> JackknifeTags(const std::vector<SyntaxSentence>& train,
                                          int folds, const PosTagger::TrainOptions& opt) {
  std::vector<SyntaxSentence> tagged = train;
  if (folds < 2) return tagged;
  for (int k = 0; k < folds; ++k) {
    std::vector<SyntaxSentence> rest;
    for (size_t i = 0; i < train.size(); ++i) {
      if (static_cast<int>(i % folds) != k) rest.push_back(train[i]);
    }
    const PosTagger tagger = PosTagger::Train(rest, opt);
    for (size_t i = k; i < train.size(); i += folds) tagger.Tag(&tagged[i]);
    std::printf("jackknife fold %d/%d tagged\n", k + 1, folds);
    std::fflush(stdout);
  }
  return tagged;
}

// Reads the tags of a --jackknife_cache file into `train` (one "UPOS XPOS"
// line per word, a blank line after each sentence); false if there is none
// or it does not fit.
bool ReadTagCache(const std::string& path, std::vector<SyntaxSentence>* train) {
  std::ifstream in(path);
  if (!in) return false;
  for (SyntaxSentence& s : *train) {
    for (SyntaxWord& w : s) {
      std::string upos;
      if (!(in >> upos >> w.xpos)) return false;
      std::optional<Upos> u = ParseUpos(upos);
      if (!u) return false;
      w.upos = *u;
    }
  }
  return true;
}

void WriteTagCache(const std::string& path, const std::vector<SyntaxSentence>& train) {
  std::ofstream out(path);
  for (const SyntaxSentence& s : train) {
    for (const SyntaxWord& w : s) out << UposName(w.upos) << ' ' << w.xpos << '\n';
    out << '\n';
  }
}

int Main() {
  const std::string ud = absl::GetFlag(FLAGS_ud_dir);
  const std::string out = absl::GetFlag(FLAGS_out_dir);
  const std::vector<std::pair<std::string, std::vector<SyntaxSentence>>> dev = {
      {"EWT", OrDie(ReadConllu(ud + "/en_ewt-ud-dev.conllu"))},
      {"GUM", OrDie(ReadConllu(ud + "/en_gum-ud-dev.conllu"))}};
  if (absl::GetFlag(FLAGS_evaluate_only)) {
    absl::StatusOr<SyntaxModels> models = SyntaxModels::Load(out);
    if (!models.ok()) {
      std::fprintf(stderr, "%s\n", models.status().ToString().c_str());
      return 1;
    }
    const float prune = static_cast<float>(absl::GetFlag(FLAGS_prune));
    if (prune > 0) {
      models = SyntaxModels(
          *PosTagger::FromModel(models->tagger().model().Pruned(prune)),
          *Lemmatizer::FromModel(models->lemmatizer().model().Pruned(prune)),
          *DependencyParser::FromModels(models->parser().moves().Pruned(prune),
                                        models->parser().labels().Pruned(prune),
                                        models->parser().classes()));
    }
    for (const learn::LinearModel* m :
         {&models->tagger().model(), &models->lemmatizer().model(),
          &models->parser().moves(), &models->parser().labels()}) {
      std::printf("model %s: %zu features, %zu weights\n", m->Meta("features").c_str(),
                  m->num_features(), m->num_cells());
    }
    Report(*models, dev);
    // As the extractor runs them: with the verb-form dictionary.
    auto lexicon = Lexicon::Load(absl::GetFlag(FLAGS_lexicon_dir));
    if (lexicon.ok()) {
      claims::InstallInSyntax(**lexicon, nullptr, &*models);
      std::printf("with the tag dictionary of %s:\n", absl::GetFlag(FLAGS_lexicon_dir).c_str());
      Report(*models, dev);
    }
    return 0;
  }
  // Fail now, not after ten minutes of training, if the models cannot be written.
  std::error_code ec;
  std::filesystem::create_directories(out, ec);
  if (ec || access(out.c_str(), W_OK) != 0) {
    std::fprintf(stderr, "cannot write to %s\n", out.c_str());
    return 1;
  }
  std::vector<SyntaxSentence> train = OrDie(ReadConllu(ud + "/en_ewt-ud-train.conllu"));
  for (SyntaxSentence& s : OrDie(ReadConllu(ud + "/en_gum-ud-train.conllu"))) {
    train.push_back(std::move(s));
  }
  std::printf("training on %zu sentences\n", train.size());
  const learn::Pruning pruning{static_cast<float>(absl::GetFlag(FLAGS_min_weight)),
                               absl::GetFlag(FLAGS_min_updates)};

  PosTagger::TrainOptions tag_opt;
  tag_opt.epochs = absl::GetFlag(FLAGS_tagger_epochs);
  tag_opt.pruning = learn::Pruning{pruning.min_weight, 1};
  Lemmatizer::TrainOptions lemma_opt;
  lemma_opt.epochs = absl::GetFlag(FLAGS_lemma_epochs);
  lemma_opt.pruning = learn::Pruning{pruning.min_weight, 1};
  const bool parser_only = absl::GetFlag(FLAGS_parser_only);
  const std::string tagger_dir = absl::GetFlag(FLAGS_tagger_dir);
  const PosTagger tagger =
      parser_only ? OrDie(PosTagger::Load(tagger_dir + "/" + SyntaxModels::kTaggerFile))
                  : PosTagger::Train(train, tag_opt);
  const Lemmatizer lemmatizer =
      parser_only ? OrDie(Lemmatizer::Load(tagger_dir + "/" + SyntaxModels::kLemmatizerFile))
                  : Lemmatizer::Train(train, lemma_opt);

  const std::string cache = absl::GetFlag(FLAGS_jackknife_cache);
  std::vector<SyntaxSentence> parser_train = train;
  if (cache.empty() || !ReadTagCache(cache, &parser_train)) {
    parser_train = JackknifeTags(train, absl::GetFlag(FLAGS_folds), tag_opt);
    if (!cache.empty()) WriteTagCache(cache, parser_train);
  }
  DependencyParser::TrainOptions parse_opt;
  parse_opt.epochs = absl::GetFlag(FLAGS_parser_epochs);
  parse_opt.runs = absl::GetFlag(FLAGS_parser_runs);
  parse_opt.explore = absl::GetFlag(FLAGS_parser_explore);
  parse_opt.pruning = pruning;
  parse_opt.classes = std::make_shared<const WordClasses>(
      OrDie(WordClasses::Load(absl::GetFlag(FLAGS_word_classes))));
  parse_opt.on_epoch = [&](int epoch, const DependencyParser& parser) {
    if (epoch % 3 != 0 && epoch != parse_opt.epochs * parse_opt.runs) return;
    std::printf("parser epoch %d\n", epoch);
    Report(SyntaxModels(tagger, lemmatizer, parser), dev);
    std::fflush(stdout);
  };
  const DependencyParser parser = DependencyParser::Train(parser_train, parse_opt);
  const SyntaxModels models(tagger, lemmatizer, parser);
  absl::Status s =
      parser_only
          ? parser.moves().Save(out + "/" + SyntaxModels::kParserMovesFile)
          : models.Save(out);
  if (s.ok() && parser_only) {
    s = parser.labels().Save(out + "/" + SyntaxModels::kParserLabelsFile);
  }
  if (s.ok() && parser_only) s = parser.classes()->Save(out + "/" + WordClasses::kFile);
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  std::printf("wrote %s\n", out.c_str());
  return 0;
}

}  // namespace
}  // namespace claims::syntax

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress lines as they come
  return claims::syntax::Main();
}
