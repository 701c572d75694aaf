// Extraction throughput on one core over the development data: the
// documents of ../shared/eval (seed, CoNLL-2003 dev, TempEval-3 train) run
// through Extractor::Analyze, reporting bytes/s and articles/s of CPU time.
//
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DCLAIMS_BUILD_BENCH=ON
//   cmake --build build-bench --target extract_benchmark
//   CLAIMS_SHARED_DIR=../shared build-bench/bench/extract_benchmark
//
// CLAIMS_SHARED_DIR overrides where shared/ is (default ../shared).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "claims/v1/claims.pb.h"
#include "common/entities/entity_tagger.h"
#include "common/extract/extractor.h"
#include "common/syntax/conllu.h"
#include "common/syntax/syntax_models.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace {

struct Corpus {
  std::vector<claims::v1::Article> articles;
  size_t bytes = 0;
};

// Reads the "text" and "published" of every document of a gold JSONL file.
void LoadGold(const std::string& path, Corpus* corpus) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    google::protobuf::Struct doc;
    if (!google::protobuf::util::JsonStringToMessage(line, &doc).ok()) continue;
    const auto& fields = doc.fields();
    auto text = fields.find("text");
    if (text == fields.end()) continue;
    claims::v1::Article article;
    article.set_body(text->second.string_value());
    auto published = fields.find("published");
    if (published != fields.end() && published->second.has_string_value()) {
      article.set_published(published->second.string_value());
    }
    corpus->bytes += article.body().size();
    corpus->articles.push_back(std::move(article));
  }
}

const Corpus& DevCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus();
    const char* shared = std::getenv("CLAIMS_SHARED_DIR");
    std::string dir = std::string(shared ? shared : "../shared") + "/eval/";
    for (const char* name :
         {"seed-gold.jsonl", "conll2003-dev.jsonl", "tempeval3-train.jsonl"}) {
      LoadGold(dir + name, c);
    }
    return c;
  }();
  return *corpus;
}

// `topics` false: the same extractor without the topic stage, so the
// stage's cost is the difference between the two benchmarks.
const claims::Extractor& TheExtractor(bool topics) {
  static const claims::Extractor* extractors[2] = {nullptr, nullptr};
  const claims::Extractor*& extractor = extractors[topics ? 1 : 0];
  if (extractor == nullptr) {
    claims::ExtractorConfig config;
    config.kb_dir = std::string(CLAIMS_SOURCE_DATA_DIR) + "/kb";
    config.taxonomy_file = std::string(CLAIMS_SOURCE_DATA_DIR) + "/taxonomy/topics.jsonl";
    config.assign_topics = topics;
    auto created = claims::Extractor::Create(config);
    if (!created.ok()) {
      std::cerr << created.status() << "\n";
      std::exit(1);
    }
    extractor = created->release();
  }
  return *extractor;
}

void BM_AnalyzeDevCorpus(benchmark::State& state) {
  const Corpus& corpus = DevCorpus();
  const claims::Extractor& extractor = TheExtractor(state.range(0) != 0);
  if (corpus.articles.empty()) {
    state.SkipWithError("no development data (set CLAIMS_SHARED_DIR)");
    return;
  }
  size_t claims = 0;
  for (auto _ : state) {
    for (const auto& article : corpus.articles) {
      auto result = extractor.Analyze(article);
      if (result.ok()) claims += result->claims_size();
      benchmark::DoNotOptimize(result);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.SetItemsProcessed(
      static_cast<int64_t>(state.iterations() * corpus.articles.size()));
  state.counters["articles/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * corpus.articles.size()),
      benchmark::Counter::kIsRate);
  state.counters["claims/article"] =
      static_cast<double>(claims) /
      static_cast<double>(state.iterations() * corpus.articles.size());
}
// Rates are per CPU second: extraction is single-threaded, and CPU time does
// not move when other work shares the machine.
// Arg 1: with the topic stage (as served); arg 0: without it.
BENCHMARK(BM_AnalyzeDevCorpus)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

// The syntax stage's three models one at a time, over the forms of UD
// English EWT dev (each model's input made by the models before it, once):
// the per-stage share of BM_AnalyzeDevCorpus without a profiler. Arg 0:
// tagger, 1: lemmatizer, 2: parser, 3: the entity tagger that follows them
// (without the knowledge-base gazetteer; documents of 20 sentences). Rates
// per CPU second, in words. The lemmatizer remembers the lemmas it made,
// so from the second pass on its figure is that of a warm memo.
void BM_SyntaxStage(benchmark::State& state) {
  static const claims::syntax::SyntaxModels* models = [] {
    auto loaded = claims::syntax::SyntaxModels::Load(
        std::string(CLAIMS_SOURCE_DATA_DIR) + "/models");
    if (!loaded.ok()) {
      std::cerr << loaded.status() << "\n";
      std::exit(1);
    }
    return new claims::syntax::SyntaxModels(*std::move(loaded));
  }();
  static const std::vector<claims::syntax::SyntaxSentence>* input = [] {
    const char* shared = std::getenv("CLAIMS_SHARED_DIR");
    auto read = claims::syntax::ReadConllu(
        std::string(shared ? shared : "../shared") +
        "/train/ud-english/en_ewt-ud-dev.conllu");
    auto* sentences = new std::vector<claims::syntax::SyntaxSentence>();
    if (!read.ok()) return sentences;
    for (const auto& gold : *read) {
      claims::syntax::SyntaxSentence s(gold.size());
      for (size_t i = 0; i < gold.size(); ++i) s[i].form = gold[i].form;
      sentences->push_back(std::move(s));
    }
    return sentences;
  }();
  if (input->empty()) {
    state.SkipWithError("no UD English dev data (set CLAIMS_SHARED_DIR)");
    return;
  }
  const int stage = static_cast<int>(state.range(0));
  std::vector<claims::syntax::SyntaxSentence> sentences = *input;
  size_t words = 0;
  for (auto& s : sentences) {
    if (stage > 0) models->tagger().Tag(&s);
    if (stage > 1) models->lemmatizer().Lemmatize(&s);
    if (stage > 2) models->parser().Parse(&s);
    words += s.size();
  }
  if (stage == 3) {
    static const claims::entities::EntityTagger* tagger = [] {
      auto loaded = claims::entities::EntityTagger::Load(std::string(CLAIMS_SOURCE_DATA_DIR) +
                                                         "/models/entities.clm");
      if (!loaded.ok()) {
        std::cerr << loaded.status() << "\n";
        std::exit(1);
      }
      return new claims::entities::EntityTagger(*std::move(loaded));
    }();
    std::vector<std::vector<claims::syntax::SyntaxSentence>> documents;
    for (size_t i = 0; i < sentences.size(); i += 20) {
      documents.emplace_back(sentences.begin() + i,
                             sentences.begin() + std::min(sentences.size(), i + 20));
    }
    for (auto _ : state) {
      for (const auto& document : documents) {
        benchmark::DoNotOptimize(tagger->Tag(document, nullptr));
      }
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * words));
    return;
  }
  for (auto _ : state) {
    for (auto& s : sentences) {
      switch (stage) {
        case 0: models->tagger().Tag(&s); break;
        case 1: models->lemmatizer().Lemmatize(&s); break;
        default: models->parser().Parse(&s); break;
      }
    }
    benchmark::DoNotOptimize(sentences.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * words));
}
BENCHMARK(BM_SyntaxStage)->Arg(0)->Arg(1)->Arg(2)->Arg(3)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
