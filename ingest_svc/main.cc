// claims-ingest: parses articles into claims and writes them to RocksDB
// (single-machine mode) or appends them to the replicated log (--log).
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "absl/flags/flag.h"
#include "absl/time/clock.h"
#include "common/log/log_flags.h"
#include "common/log/log_writer.h"
#include "common/server/common_flags.h"
#include "common/server/flags.h"
#include "common/server/gauges.h"
#include "common/server/logging.h"
#include "common/server/server_runner.h"
#include "ingest_svc/ingest_service.h"
#include "spdlog/spdlog.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50051", "gRPC listen address");
ABSL_FLAG(std::string, metrics_listen, "127.0.0.1:9091",
          "Prometheus /metrics listen address; empty = off");
ABSL_FLAG(std::string, backup_dir, "",
          "where CreateBackup writes backups (default: <data_dir>/backups)");
ABSL_FLAG(bool, sync_writes, true,
          "sync the WAL before acknowledging a write (survives power loss)");
ABSL_FLAG(uint64_t, wal_archive_max_mb, 64,
          "WAL files kept for followers, at most this many MiB (and 10 "
          "minutes); 0 = no size bound");
ABSL_FLAG(std::string, unsupported_language, "reject",
          "an article in a language the extractor does not read: reject "
          "(FAILED_PRECONDITION) or store (stored without claims, marked "
          "claims_withheld)");

ABSL_FLAG(uint32_t, shards, 1,
          "replicated mode: shards (log streams) articles are spread over by "
          "a hash of their id; fixed when the streams are created");

namespace {

// Replicated mode (--log): stateless, no database. Creates the log's
// streams when missing, then appends every write to the log.
int RunReplicated(const claims::Extractor* extractor,
                  const claims::IntakeOptions& intake) {
  auto runner = claims::ServerRunner::Create(claims::ServerConfigFromFlags(
      absl::GetFlag(FLAGS_listen), absl::GetFlag(FLAGS_metrics_listen),
      "claims.v1.IngestService"));
  if (!runner.ok()) {
    spdlog::critical("{}", runner.status().ToString());
    return EXIT_FAILURE;
  }
  const absl::Time deadline = absl::Now() + absl::Seconds(60);
  auto log = claims::ConnectLogFromFlags(deadline);
  if (!log.ok()) {
    spdlog::critical("connecting to the log: {}", log.status().ToString());
    return EXIT_FAILURE;
  }
  auto& appends = prometheus::BuildCounter()
                      .Name("claims_log_appends_total")
                      .Help("Log append attempts by outcome (appended, "
                            "duplicate, conflict, retry, unchanged).")
                      .Register((*runner)->metrics().registry());
  claims::LogWriterOptions options;
  options.shards = std::max<uint32_t>(1, absl::GetFlag(FLAGS_shards));
  options.on_outcome = [&appends](std::string_view outcome) {
    appends.Add({{"outcome", std::string(outcome)}}).Increment();
  };
  claims::LogWriter writer(log->get(), options);
  // The cluster may still be electing its meta leader: retry a while.
  absl::Status init;
  while (!(init = writer.Init()).ok() && !absl::IsFailedPrecondition(init) &&
         absl::Now() < deadline) {
    spdlog::warn("creating the log streams: {}", init.ToString());
    absl::SleepFor(absl::Milliseconds(500));
  }
  if (!init.ok()) {
    spdlog::critical("creating the log streams: {}", init.ToString());
    return EXIT_FAILURE;
  }
  claims::IngestServiceImpl service(extractor, &writer, (*runner)->context(),
                                    intake);
  (*runner)->AddService(&service);
  auto port = (*runner)->Start();
  if (!port.ok()) {
    spdlog::critical("{}", port.status().ToString());
    return EXIT_FAILURE;
  }
  (*runner)->SetServing(true);
  spdlog::info("claims-ingest serving on port {} (replicated: log {}, {} shards, "
               "extractor={})",
               *port, absl::GetFlag(FLAGS_log), options.shards, extractor->version());
  (*runner)->WaitForTermination();
  return EXIT_SUCCESS;
}

}  // namespace

int main(int argc, char** argv) {
  claims::ServerRunner::BlockTerminationSignals();
  claims::ParseFlagsWithEnv(
      argc, argv,
      "claims-ingest: parses articles into claims and stores them.\n"
      "Every flag can also be set as CLAIMS_<FLAG_NAME>.");
  claims::InitLogging("claims-ingest", absl::GetFlag(FLAGS_log_json));

  auto extractor = claims::Extractor::Create(claims::ExtractorConfigFromFlags());
  if (!extractor.ok()) {
    spdlog::critical("loading knowledge base: {}", extractor.status().ToString());
    return EXIT_FAILURE;
  }
  claims::IntakeOptions intake;
  const std::string unsupported = absl::GetFlag(FLAGS_unsupported_language);
  if (unsupported != "reject" && unsupported != "store") {
    spdlog::critical("--unsupported_language: reject or store, not \"{}\"",
                     unsupported);
    return EXIT_FAILURE;
  }
  intake.store_unsupported_languages = unsupported == "store";
  if (claims::ReplicatedModeFromFlags()) {
    return RunReplicated(extractor->get(), intake);
  }

  std::error_code mkdir_error;
  std::filesystem::create_directories(absl::GetFlag(FLAGS_data_dir), mkdir_error);
  if (mkdir_error) {
    spdlog::critical("creating {}: {}", absl::GetFlag(FLAGS_data_dir),
                     mkdir_error.message());
    return EXIT_FAILURE;
  }
  claims::StoreOptions store_options;
  store_options.sync_writes = absl::GetFlag(FLAGS_sync_writes);
  store_options.wal_archive_max_bytes = absl::GetFlag(FLAGS_wal_archive_max_mb)
                                        << 20;
  // Health follows the store: NOT_SERVING while writes fail (disk full),
  // SERVING again once the store has recovered by itself. Set once the
  // server runs; until then there is nothing to report to.
  std::atomic<claims::ServerRunner*> health{nullptr};
  store_options.on_writable_change = [&health](bool writable) {
    if (writable) {
      spdlog::info("writes work again; health SERVING");
    } else {
      spdlog::error("writes fail; health NOT_SERVING until the store recovers");
    }
    if (claims::ServerRunner* runner = health.load()) runner->SetServing(writable);
  };
  auto store =
      claims::ClaimStore::Open(claims::DatabaseDirFromFlags(), store_options);
  if (!store.ok()) {
    spdlog::critical("opening {}: {}", claims::DatabaseDirFromFlags(),
                     store.status().ToString());
    return EXIT_FAILURE;
  }

  auto runner = claims::ServerRunner::Create(claims::ServerConfigFromFlags(
      absl::GetFlag(FLAGS_listen), absl::GetFlag(FLAGS_metrics_listen),
      "claims.v1.IngestService"));
  if (!runner.ok()) {
    spdlog::critical("{}", runner.status().ToString());
    return EXIT_FAILURE;
  }
  std::string backup_dir = absl::GetFlag(FLAGS_backup_dir);
  if (backup_dir.empty()) {
    backup_dir =
        (std::filesystem::path(absl::GetFlag(FLAGS_data_dir)) / "backups").string();
  }
  claims::IngestServiceImpl service(extractor->get(), store->get(), backup_dir,
                                    (*runner)->context(), intake);
  (*runner)->AddService(&service);
  auto gauges = std::make_shared<claims::ScrapeGauges>();
  claims::ClaimStore* writer = store->get();
  claims::AddDatabaseGauges(gauges.get(), [writer] { return writer->Stats(); });
  gauges->Add("claims_writer_sequence", "Last commit sequence written.",
              [writer] { return static_cast<double>(writer->sequence()); });
  (*runner)->metrics().AddCollectable(gauges);
  auto port = (*runner)->Start();
  if (!port.ok()) {
    spdlog::critical("{}", port.status().ToString());
    return EXIT_FAILURE;
  }
  health.store(runner->get());
  (*runner)->SetServing((*store)->writable());
  spdlog::info("claims-ingest serving on port {} (data_dir={}, extractor={})",
               *port, absl::GetFlag(FLAGS_data_dir), (*extractor)->version());
  (*runner)->WaitForTermination();

  absl::Status closed = (*store)->Close();
  if (!closed.ok()) {
    spdlog::error("closing store: {}", closed.ToString());
    return EXIT_FAILURE;
  }
  return EXIT_SUCCESS;
}
