// claims-query: answers claim queries from a follower of the ingest
// server's database. It never writes.
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "absl/flags/flag.h"
#include "common/server/common_flags.h"
#include "common/server/flags.h"
#include "common/server/gauges.h"
#include "common/server/logging.h"
#include "common/server/server_runner.h"
#include "query_svc/follower_loop.h"
#include "query_svc/query_service.h"
#include "query_svc/watch_hub.h"
#include "spdlog/spdlog.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50052", "gRPC listen address");
ABSL_FLAG(std::string, metrics_listen, "127.0.0.1:9092",
          "Prometheus /metrics listen address; empty = off");
ABSL_FLAG(std::string, secondary_dir, "",
          "writable scratch folder for the follower's own state "
          "(default: <data_dir>/query-secondary)");
ABSL_FLAG(uint32_t, max_watchers, 10000,
          "open WatchClaims streams at most (they share one thread)");
ABSL_FLAG(int, catchup_interval_ms, 20,
          "how often the follower applies the writer's new commits");

int main(int argc, char** argv) {
  claims::ServerRunner::BlockTerminationSignals();
  claims::ParseFlagsWithEnv(
      argc, argv,
      "claims-query: streams claims by actor, topic and date.\n"
      "Every flag can also be set as CLAIMS_<FLAG_NAME>.");
  claims::InitLogging("claims-query", absl::GetFlag(FLAGS_log_json));

  auto taxonomy =
      claims::Taxonomy::LoadFromFile(absl::GetFlag(FLAGS_taxonomy_file),
                                     absl::GetFlag(FLAGS_taxonomy_extra_file));
  if (!taxonomy.ok()) {
    spdlog::critical("loading taxonomy: {}", taxonomy.status().ToString());
    return EXIT_FAILURE;
  }

  claims::SecondaryOptions secondary;
  secondary.secondary_dir = absl::GetFlag(FLAGS_secondary_dir);
  if (secondary.secondary_dir.empty()) {
    secondary.secondary_dir =
        (std::filesystem::path(absl::GetFlag(FLAGS_data_dir)) /
         "query-secondary")
            .string();
  }
  std::error_code mkdir_error;
  std::filesystem::create_directories(secondary.secondary_dir, mkdir_error);
  if (mkdir_error) {
    spdlog::critical("creating {}: {}", secondary.secondary_dir,
                     mkdir_error.message());
    return EXIT_FAILURE;
  }

  auto runner = claims::ServerRunner::Create(claims::ServerConfigFromFlags(
      absl::GetFlag(FLAGS_listen), absl::GetFlag(FLAGS_metrics_listen),
      "claims.v1.QueryService"));
  if (!runner.ok()) {
    spdlog::critical("{}", runner.status().ToString());
    return EXIT_FAILURE;
  }
  const std::string database_dir = claims::DatabaseDirFromFlags();
  // Health answers NOT_SERVING at once and SERVING when the database is
  // open.
  claims::ServerRunner* server = runner->get();
  claims::FollowerLoop follower(
      [&] { return claims::OpenSecondaryFollower(database_dir, secondary); },
      absl::Milliseconds(absl::GetFlag(FLAGS_catchup_interval_ms)),
      [server] { server->SetServing(true); });
  claims::StreamLimits watch_limits = server->context().stream_limits;
  watch_limits.total = static_cast<int>(absl::GetFlag(FLAGS_max_watchers));
  claims::WatchHub watch_hub(&follower, server->context().drain, watch_limits);
  claims::QueryServiceImpl service(&follower, taxonomy->get(), &watch_hub,
                                   server->context());
  server->AddService(&service);
  auto gauges = std::make_shared<claims::ScrapeGauges>();
  claims::AddDatabaseGauges(
      gauges.get(), [&follower]() -> std::optional<claims::DbStats> {
        const claims::Follower* f = follower.follower();
        if (f == nullptr) return std::nullopt;
        return f->reader().Stats();
      });
  gauges->Add("claims_follower_applied_sequence",
              "Last commit sequence of the writer this server has applied.",
              [&follower] {
                const claims::Follower* f = follower.follower();
                return f == nullptr ? std::nan("")
                                    : static_cast<double>(f->AppliedSequence());
              });
  gauges->Add("claims_follower_lag_seconds",
              "Seconds since this server last caught up with the writer.",
              [&follower] {
                absl::Time last = follower.last_catch_up();
                return last == absl::InfinitePast()
                           ? std::nan("")
                           : absl::ToDoubleSeconds(absl::Now() - last);
              });
  gauges->Add("claims_watchers", "Open WatchClaims streams.",
              [&watch_hub] { return static_cast<double>(watch_hub.watchers()); });
  server->metrics().AddCollectable(gauges);
  auto port = server->Start();
  if (!port.ok()) {
    spdlog::critical("{}", port.status().ToString());
    return EXIT_FAILURE;
  }
  follower.Start();
  spdlog::info("claims-query serving on port {} (following {})", *port,
               database_dir);
  server->WaitForTermination();
  return EXIT_SUCCESS;
}
