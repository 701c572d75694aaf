// claims_corpus: writes the synthetic benchmark corpus as Article JSON lines,
// or feeds it straight to a claims-ingest server over IngestArticles.
//
//   claims_corpus --count=2000 --out=corpus.jsonl
//   claims_corpus --count=100000 --ingest=127.0.0.1:50051 --streams=2
//
// With --ingest it prints "key value" result lines (articles, claims,
// seconds, articles_per_s, ...) for bench/run.sh to collect.
#include <google/protobuf/util/json_util.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "bench/corpus_generator.h"
#include "cli/claims_client.h"

ABSL_FLAG(std::string, data_dir, CLAIMS_SOURCE_DATA_DIR,
          "folder with kb/ and taxonomy/ (the bundled data)");
ABSL_FLAG(uint64_t, seed, 42, "corpus seed");
ABSL_FLAG(uint64_t, first, 0, "index of the first article");
ABSL_FLAG(uint64_t, count, 2000, "number of articles");
ABSL_FLAG(std::string, out, "", "write Article JSON lines here (- = stdout)");
ABSL_FLAG(bool, body_only, false,
          "with --out: write each body as plain text, articles separated by "
          "a blank line (for claimctl analyze)");
ABSL_FLAG(std::string, ingest, "", "claims-ingest address to load into");
ABSL_FLAG(int, streams, 2, "concurrent IngestArticles streams");
ABSL_FLAG(int, chunk, 250, "articles per IngestArticles stream");
ABSL_FLAG(int, progress_seconds, 30, "progress line interval on stderr");

namespace {

using claims::bench::CorpusGenerator;

int WriteFile(const CorpusGenerator& generator, uint64_t first, uint64_t count,
              const std::string& path) {
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (path != "-") {
    file.open(path);
    if (!file) {
      std::cerr << path << ": cannot open\n";
      return 1;
    }
    out = &file;
  }
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  for (uint64_t i = first; i < first + count; ++i) {
    claims::v1::Article article = generator.Article(i);
    if (absl::GetFlag(FLAGS_body_only)) {
      *out << article.body() << "\n";
      continue;
    }
    std::string json;
    (void)google::protobuf::util::MessageToJsonString(article, &json, options);
    *out << json << "\n";
  }
  return out->good() ? 0 : 1;
}

int Ingest(const CorpusGenerator& generator, uint64_t first, uint64_t count,
           const std::string& address) {
  const uint64_t chunk = std::max(1, absl::GetFlag(FLAGS_chunk));
  const uint64_t chunks = (count + chunk - 1) / chunk;
  std::atomic<uint64_t> next_chunk{0};
  std::atomic<uint64_t> articles{0}, claims{0}, errors{0};
  std::mutex error_mutex;
  std::string first_error;
  auto channel = claims::ClaimsClient::Connect(address);
  const absl::Time start = absl::Now();

  auto worker = [&] {
    claims::ClaimsClient client(channel, nullptr);
    std::vector<claims::v1::Article> batch;
    for (uint64_t c = next_chunk++; c < chunks; c = next_chunk++) {
      batch.clear();
      const uint64_t begin = first + c * chunk;
      const uint64_t end = std::min(first + count, begin + chunk);
      for (uint64_t i = begin; i < end; ++i) {
        batch.push_back(generator.Article(i));
      }
      absl::Status status = client.IngestArticles(
          batch, [&](const claims::v1::IngestArticlesResponse& reply) {
            if (reply.code() != 0) {
              ++errors;
              std::lock_guard<std::mutex> lock(error_mutex);
              if (first_error.empty()) first_error = reply.message();
              return;
            }
            ++articles;
            claims += reply.result().claim_count();
          });
      if (!status.ok()) {
        errors += end - begin;
        std::lock_guard<std::mutex> lock(error_mutex);
        if (first_error.empty()) first_error = status.ToString();
      }
    }
  };

  std::vector<std::thread> threads;
  for (int t = 0; t < std::max(1, absl::GetFlag(FLAGS_streams)); ++t) {
    threads.emplace_back(worker);
  }
  // Progress while the load runs; ends when the workers have taken every
  // chunk and the counts stop moving.
  std::atomic<bool> done{false};
  std::thread progress([&] {
    const absl::Duration every =
        absl::Seconds(std::max(1, absl::GetFlag(FLAGS_progress_seconds)));
    absl::Time next = absl::Now() + every;
    while (!done) {
      absl::SleepFor(absl::Milliseconds(200));
      if (absl::Now() < next) continue;
      next += every;
      double seconds = absl::ToDoubleSeconds(absl::Now() - start);
      std::cerr << absl::StrFormat(
          "claims_corpus: %d/%d articles, %d claims, %.0f s, %.1f articles/s\n",
          articles.load(), count, claims.load(), seconds,
          articles.load() / seconds);
    }
  });
  for (std::thread& thread : threads) thread.join();
  done = true;
  progress.join();
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  std::cout << absl::StrFormat(
      "load_articles %d\nload_claims %d\nload_errors %d\nload_seconds %.1f\n"
      "load_articles_per_s %.1f\nload_claims_per_s %.0f\n",
      articles.load(), claims.load(), errors.load(), seconds,
      articles.load() / seconds, claims.load() / seconds);
  if (!first_error.empty()) {
    std::cerr << "claims_corpus: first error: " << first_error << "\n";
  }
  return errors.load() == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  auto generator = CorpusGenerator::Create(absl::GetFlag(FLAGS_data_dir),
                                           absl::GetFlag(FLAGS_seed));
  if (!generator.ok()) {
    std::cerr << "claims_corpus: " << generator.status() << "\n";
    return 2;
  }
  const uint64_t first = absl::GetFlag(FLAGS_first);
  const uint64_t count = absl::GetFlag(FLAGS_count);
  if (!absl::GetFlag(FLAGS_out).empty()) {
    return WriteFile(**generator, first, count, absl::GetFlag(FLAGS_out));
  }
  if (!absl::GetFlag(FLAGS_ingest).empty()) {
    return Ingest(**generator, first, count, absl::GetFlag(FLAGS_ingest));
  }
  std::cerr << "claims_corpus: give --out or --ingest\n";
  return 2;
}
