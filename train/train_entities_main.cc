// train_entities: trains the entity tagger on CoNLL-2003 English train,
// reports exact typed F1 on the development set after each pass, and writes
// the model file. Words are tagged with the shipped part-of-speech tagger
// first (not the corpus' own tags), so the model learns from the tags it
// sees at run time; the gazetteer is the bundled knowledge base.
//
//   train_entities --conll_dir=../shared/train/conll2003 --out=knowledge/models/entities.clm
//   train_entities --conll_dir=... --out=knowledge/models/entities.clm --evaluate_only
#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/entities/conll2003.h"
#include "common/entities/entity_tagger.h"
#include "common/entities/gazetteer.h"
#include "common/kb/knowledge_base.h"
#include "common/syntax/pos_tagger.h"
#include "common/syntax/syntax_models.h"
#include "train/or_die.h"

ABSL_FLAG(std::string, conll_dir, "../shared/train/conll2003", "folder of eng.train and eng.testa");
ABSL_FLAG(std::string, models_dir, "knowledge/models", "folder of the syntax models");
ABSL_FLAG(std::string, kb_dir, "knowledge/kb", "knowledge base used as the gazetteer");
ABSL_FLAG(std::string, out, "knowledge/models/entities.clm", "model file to write");
ABSL_FLAG(bool, evaluate_only, false, "score --out on the development set; train nothing");
ABSL_FLAG(int, epochs, 10, "training passes");
ABSL_FLAG(int, runs, 1, "independent runs of --epochs passes whose models are averaged");
ABSL_FLAG(double, min_weight, 0.01, "averaged weights below this are dropped");
ABSL_FLAG(int, min_updates, 2, "features updated fewer times in training are dropped");

namespace claims::entities {
namespace {

void Retag(const syntax::PosTagger& tagger, std::vector<EntityDocument>* docs) {
  for (EntityDocument& doc : *docs) {
    for (syntax::SyntaxSentence& s : doc.sentences) tagger.Tag(&s);
  }
}

void Report(const EntityTagger& tagger, const Gazetteer& gazetteer,
            const std::vector<EntityDocument>& dev) {
  EntityScores scores;
  size_t words = 0;
  const absl::Time start = absl::Now();
  for (const EntityDocument& doc : dev) {
    const std::vector<std::vector<EntitySpan>> found = tagger.Tag(doc.sentences, &gazetteer);
    for (size_t s = 0; s < found.size(); ++s) {
      scores.Add(doc.entities[s], found[s]);
      words += doc.sentences[s].size();
    }
  }
  const double secs = absl::ToDoubleSeconds(absl::Now() - start);
  std::printf("dev: %s, %.0f words/s\n", scores.Summary().c_str(), words / secs);
  std::fflush(stdout);
}

int Main() {
  const std::string dir = absl::GetFlag(FLAGS_conll_dir);
  const syntax::PosTagger pos = OrDie(syntax::PosTagger::Load(
      absl::GetFlag(FLAGS_models_dir) + "/" + syntax::SyntaxModels::kTaggerFile));
  const std::unique_ptr<KnowledgeBase> kb =
      OrDie(KnowledgeBase::Load(absl::GetFlag(FLAGS_kb_dir), ""));
  const KbGazetteer gazetteer(*kb);
  std::vector<EntityDocument> dev = OrDie(ReadConll2003(dir + "/eng.testa"));
  Retag(pos, &dev);
  if (absl::GetFlag(FLAGS_evaluate_only)) {
    Report(OrDie(EntityTagger::Load(absl::GetFlag(FLAGS_out))), gazetteer, dev);
    return 0;
  }
  std::vector<EntityDocument> train = OrDie(ReadConll2003(dir + "/eng.train"));
  Retag(pos, &train);
  std::printf("training on %zu documents\n", train.size());
  EntityTagger::TrainOptions options;
  options.epochs = absl::GetFlag(FLAGS_epochs);
  options.runs = absl::GetFlag(FLAGS_runs);
  options.pruning = {static_cast<float>(absl::GetFlag(FLAGS_min_weight)),
                     absl::GetFlag(FLAGS_min_updates)};
  options.on_epoch = [&](int pass, const EntityTagger& tagger) {
    std::printf("pass %d ", pass);
    Report(tagger, gazetteer, dev);
  };
  const EntityTagger tagger = EntityTagger::Train(train, &gazetteer, options);
  if (absl::Status s = tagger.model().Save(absl::GetFlag(FLAGS_out)); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  std::printf("wrote %s (%zu features)\n", absl::GetFlag(FLAGS_out).c_str(),
              tagger.model().num_features());
  return 0;
}

}  // namespace
}  // namespace claims::entities

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress lines as they come
  return claims::entities::Main();
}
