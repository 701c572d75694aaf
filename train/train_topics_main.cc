// train_topics: trains the topic model (common/extract/topic_model.h) on
// the project's own labelled articles (train/data/topics/*.jsonl, see its
// README) and writes knowledge/models/topics.clm. Each article's sentences
// are joined into a body and analysed by the extraction pipeline (so the
// model learns from the tags, lemmas, parses, names and cues it sees at
// run time); each analysed sentence takes the labels of the written
// sentence it starts in. A neutral sentence is a negative example of every
// topic: its topics come from its story, not from its words.
//
//   train_topics --data_dir=train/data/topics --out=knowledge/models/topics.clm
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/extract/extractor.h"
#include "common/extract/lexicon.h"
#include "common/extract/topic_model.h"
#include "common/extract/topics.h"
#include "common/learn/features.h"
#include "train/or_die.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

ABSL_FLAG(std::string, data_dir, "train/data/topics", "folder of the labelled articles (*.jsonl)");
ABSL_FLAG(std::string, knowledge_dir, "knowledge", "the project's knowledge folder");
ABSL_FLAG(std::string, out, "knowledge/models/topics.clm", "model file to write");
ABSL_FLAG(int, epochs, 10, "training passes");
ABSL_FLAG(double, blend, 0.05, "weight of one unit of model score against the cue threshold");
ABSL_FLAG(double, min_weight, 0.01, "averaged weights below this are dropped");
ABSL_FLAG(int, min_updates, 1, "features updated fewer times in training are dropped");
ABSL_FLAG(int, seed, 1, "order of the training sentences (to measure the spread between runs)");
ABSL_FLAG(int, runs, 1, "independent runs of --epochs passes whose models are averaged");

namespace claims {
namespace {

struct LabelledSentence {
  size_t start = 0, end = 0;  // bytes of the joined body
  std::vector<int> topics;    // taxonomy indices with their ancestors
};

using google::protobuf::Struct;
using google::protobuf::Value;

const Value& Field(const Struct& s, const std::string& name) {
  static const Value* const kNull = new Value();
  auto it = s.fields().find(name);
  return it == s.fields().end() ? *kNull : it->second;
}

// The taxonomy indices of `ids` and of all their ancestors.
std::vector<int> WithAncestors(const Taxonomy& taxonomy, const Value& ids) {
  std::vector<int> out;
  const auto& topics = taxonomy.topics();
  for (size_t t = 0; t < topics.size(); ++t) {
    for (const Value& id : ids.list_value().values()) {
      if (Taxonomy::IsSelfOrAncestor(topics[t].id(), taxonomy.Canonical(id.string_value()))) {
        out.push_back(static_cast<int>(t));
        break;
      }
    }
  }
  return out;
}

// Appends the examples of one article line.
void AddArticle(const Struct& a, const Extractor& extractor, const TopicStage& cues,
                std::vector<TopicModel::Example>* examples) {
  claims::v1::Article article;
  std::string body;
  std::vector<LabelledSentence> labelled;
  for (const Value& v : Field(a, "sentences").list_value().values()) {
    const Struct& s = v.struct_value();
    if (!body.empty()) body += " ";
    LabelledSentence l;
    l.start = body.size();
    body += Field(s, "text").string_value();
    l.end = body.size();
    if (!Field(s, "neutral").bool_value()) {
      l.topics = WithAncestors(extractor.taxonomy(), Field(s, "topics"));
    }
    labelled.push_back(std::move(l));
  }
  article.set_body(body);
  article.set_published(Field(a, "published").string_value());
  const std::vector<SentenceTokens> sentences = OrDie(extractor.AnalyzeSentences(article));
  // The cues' view of the article, as the stage has it before the model.
  std::vector<SentenceTopics> fired;
  for (const SentenceTokens& s : sentences) fired.push_back(cues.ScoreSentence(s));
  const std::vector<std::string> branches = cues.Branches(cues.RankArticle(fired));
  learn::FeatureVector f;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const SentenceTokens& s = sentences[i];
    const LabelledSentence* gold = nullptr;
    for (const LabelledSentence& l : labelled) {
      if (s.start >= l.start && s.start < l.end) gold = &l;
    }
    if (gold == nullptr) continue;
    TopicModel::Features(s, fired[i].fired, branches, &f, nullptr);
    examples->push_back({std::vector<uint64_t>(f.keys().begin(), f.keys().end()), gold->topics});
  }
}

int Main() {
  const std::string knowledge = absl::GetFlag(FLAGS_knowledge_dir);
  ExtractorConfig config;
  config.kb_dir = knowledge + "/kb";
  config.taxonomy_file = knowledge + "/taxonomy/topics.jsonl";
  config.models_dir = knowledge + "/models";
  config.use_topic_model = false;
  const std::unique_ptr<Extractor> extractor = OrDie(Extractor::Create(config));
  const std::unique_ptr<Lexicon> lexicon = OrDie(Lexicon::Load(knowledge + "/extract"));
  TopicOptions options;
  options.lexicon = lexicon.get();
  const std::unique_ptr<TopicStage> cues = OrDie(TopicStage::Load(
      extractor->taxonomy(),
      {knowledge + "/taxonomy/topic_cues.jsonl", knowledge + "/taxonomy/topic_cues_wordnet.jsonl"},
      options));

  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(absl::GetFlag(FLAGS_data_dir))) {
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());  // deterministic order
  std::vector<TopicModel::Example> examples;
  size_t articles = 0;
  for (const std::string& path : files) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      Struct article;
      if (!google::protobuf::util::JsonStringToMessage(line, &article).ok()) {
        std::fprintf(stderr, "%s: a line is not a JSON object\n", path.c_str());
        return 1;
      }
      AddArticle(article, *extractor, *cues, &examples);
      ++articles;
    }
  }
  std::printf("%zu articles, %zu sentences from %s\n", articles, examples.size(),
              absl::StrJoin(files, ", ").c_str());
  TopicModel::TrainOptions train;
  train.epochs = absl::GetFlag(FLAGS_epochs);
  train.blend = static_cast<float>(absl::GetFlag(FLAGS_blend));
  train.pruning.min_weight = static_cast<float>(absl::GetFlag(FLAGS_min_weight));
  train.pruning.min_updates = absl::GetFlag(FLAGS_min_updates);
  train.seed = static_cast<uint32_t>(absl::GetFlag(FLAGS_seed));
  train.runs = absl::GetFlag(FLAGS_runs);
  const learn::LinearModel model = TopicModel::Train(examples, extractor->taxonomy(), train);
  const absl::Status saved = model.Save(absl::GetFlag(FLAGS_out));
  if (!saved.ok()) {
    std::fprintf(stderr, "%s\n", saved.ToString().c_str());
    return 1;
  }
  std::printf("wrote %s: %zu features, %zu weights\n", absl::GetFlag(FLAGS_out).c_str(),
              model.num_features(), model.num_cells());
  return 0;
}

}  // namespace
}  // namespace claims

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return claims::Main();
}
