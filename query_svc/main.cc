// claims-query: answers claim queries from a follower: the ingest server's
// database as a RocksDB secondary (single-machine mode; it never writes), or
// with --log a replica of its own, applying one shard of the replicated log.
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>

#include "absl/flags/flag.h"
#include "absl/strings/match.h"
#include "absl/time/clock.h"
#include "common/log/log_flags.h"
#include "common/log/log_follower.h"
#include "common/log/log_writer.h"
#include "common/server/common_flags.h"
#include "common/util/status_macros.h"
#include "common/server/flags.h"
#include "common/server/gauges.h"
#include "common/server/logging.h"
#include "common/server/server_runner.h"
#include "query_svc/checkpoint_fetch.h"
#include "query_svc/follower_loop.h"
#include "query_svc/query_service.h"
#include "query_svc/replica_backup.h"
#include "query_svc/shard_router.h"
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

ABSL_FLAG(uint32_t, shard, 0,
          "replicated mode: the log shard this replica materializes");
ABSL_FLAG(std::string, bootstrap_from, "",
          "replicated mode: host:port of a healthy query replica of the same "
          "shard to copy a checkpoint from when this replica has no database "
          "yet (or the log no longer reaches back to its position), or "
          "file://DIR: the newest backup of the shard in DIR (claimctl "
          "replica-backup; refused when the log no longer reaches back to "
          "it); then the log is replayed from the checkpoint's position. "
          "Empty = replay the whole log");
ABSL_FLAG(std::string, shard_peers, "",
          "replicated mode with several shards: a query server of each other "
          "shard, as SHARD=HOST:PORT,... (an entry for this server's own "
          "shard is ignored: it is answered in-process, so every shard's "
          "servers can share one value). Queries are answered for every "
          "shard by merging theirs; a shard with no entry makes them fail "
          "with FAILED_PRECONDITION naming it");
ABSL_FLAG(std::string, replica_dir, "",
          "replicated mode: the replica's own database "
          "(default: <data_dir>/replica-<shard>)");

namespace {

// Replicated mode (--log): the follower is a LogFollower applying one
// shard of the log into this server's own database. Opening waits for the
// log (and for an ingest server to have created it); health is SERVING
// once the replica has caught up and NOT_SERVING for good if verification
// fails.
struct ReplicaSource {
  std::unique_ptr<claims::NatsLog> log;
  std::atomic<claims::LogFollower*> follower{nullptr};
  std::atomic<uint64_t> verify_failures{0};
  // Called (from the follower's thread) once the log's shard count is
  // known, before the replica opens; an error fails the open.
  std::function<absl::Status(uint32_t shards)> on_shards;

  absl::StatusOr<std::unique_ptr<claims::Follower>> Open() {
    if (log == nullptr) {
      ASSIGN_OR_RETURN(log, claims::ConnectLogFromFlags(absl::Now()));
    }
    absl::StatusOr<uint32_t> shards = claims::ReadShardCount(log.get());
    if (absl::IsNotFound(shards.status())) {
      return absl::UnavailableError(
          "the log has no streams yet: start an ingest server with --log");
    }
    if (!shards.ok()) return shards.status();
    const uint32_t shard = absl::GetFlag(FLAGS_shard);
    if (shard >= *shards) {
      return absl::FailedPreconditionError(absl::StrCat(
          "--shard=", shard, " but the log has ", *shards, " shards"));
    }
    if (on_shards) RETURN_IF_ERROR(on_shards(*shards));
    claims::LogFollowerOptions options;
    options.shard = shard;
    options.replica_dir = absl::GetFlag(FLAGS_replica_dir);
    if (options.replica_dir.empty()) {
      options.replica_dir =
          (std::filesystem::path(absl::GetFlag(FLAGS_data_dir)) /
           absl::StrCat("replica-", shard))
              .string();
    }
    RETURN_IF_ERROR(Bootstrap(options.replica_dir, shard));
    absl::StatusOr<std::unique_ptr<claims::LogFollower>> opened =
        claims::LogFollower::Open(log.get(), options);
    if (absl::IsFailedPrecondition(opened.status()) &&
        !absl::GetFlag(FLAGS_bootstrap_from).empty() &&
        absl::StrContains(opened.status().message(), "newer checkpoint")) {
      // Retention cut what this replica needs: never skip, start over
      // from a newer checkpoint on the next attempt.
      spdlog::warn("{}; fetching a newer checkpoint", opened.status().ToString());
      std::error_code ec;
      std::filesystem::remove_all(options.replica_dir, ec);
      return absl::UnavailableError("fetching a newer checkpoint");
    }
    if (!opened.ok()) return opened.status();
    follower = opened->get();
    return std::unique_ptr<claims::Follower>(*std::move(opened));
  }

  // With --bootstrap_from and no database yet: copy a peer's checkpoint
  // or the newest backup.
  absl::Status Bootstrap(const std::string& replica_dir, uint32_t shard) {
    const std::string peer = absl::GetFlag(FLAGS_bootstrap_from);
    std::error_code ec;
    if (peer.empty() ||
        std::filesystem::exists(std::filesystem::path(replica_dir) / "CURRENT", ec)) {
      return absl::OkStatus();
    }
    std::filesystem::remove_all(replica_dir, ec);
    if (claims::IsBackupSource(peer)) {
      return claims::BootstrapFromBackup(log.get(), shard, claims::BackupSourcePath(peer),
                                         replica_dir)
          .status();
    }
    return claims::FetchCheckpoint(peer, replica_dir).status();
  }

  void AddGauges(claims::ScrapeGauges* gauges) {
    auto value = [this](auto get) {
      return [this, get] {
        claims::LogFollower* f = follower.load();
        return f == nullptr ? std::nan("") : static_cast<double>(get(*f));
      };
    };
    gauges->Add("claims_log_applied_position",
                "Log position (stream sequence) this replica has applied.",
                value([](claims::LogFollower& f) { return f.position().position(); }));
    gauges->Add("claims_log_last_position",
                "The shard's last log position as last seen.",
                value([](claims::LogFollower& f) { return f.log_last_position(); }));
    gauges->Add("claims_log_lag_records",
                "Log records not applied yet (last seen - applied).",
                value([](claims::LogFollower& f) {
                  const uint64_t last = f.log_last_position();
                  const uint64_t at = f.position().position();
                  return last > at ? last - at : 0;
                }));
    gauges->Add("claims_log_records_applied_total",
                "Log records applied since start.",
                value([](claims::LogFollower& f) { return f.records_applied(); }));
    gauges->Add("claims_log_verify_failures_total",
                "Log records that failed verification (gap, duplicate, broken "
                "chain); any makes the replica stop and go NOT_SERVING.",
                value([](claims::LogFollower& f) { return f.verify_failures(); }));
  }
};

// The router over `shards` shards for a server of shard `own`: the peers
// named in --shard_peers, this server's own shard in-process.
absl::StatusOr<std::unique_ptr<claims::ShardRouter>> MakeRouter(
    uint32_t shards, uint32_t own, const std::map<uint32_t, std::string>& peers,
    claims::ServerRunner* server) {
  std::vector<std::unique_ptr<claims::Shard>> list(shards);
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(-1);  // the peer's send limit bounds replies
  for (const auto& [shard, address] : peers) {
    if (shard >= shards) {
      return absl::FailedPreconditionError(absl::StrCat(
          "--shard_peers names shard ", shard, ", but the log has ", shards, " shards"));
    }
    if (shard == own) continue;
    list[shard] = claims::MakeGrpcShard(
        shard, address,
        grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args));
  }
  list[own] = claims::MakeGrpcShard(own, "this server", server->InProcessChannel());
  for (uint32_t shard = 0; shard < shards; ++shard) {
    if (list[shard] == nullptr) {
      spdlog::warn("--shard_peers names no server for shard {}: queries will fail", shard);
    }
  }
  return std::make_unique<claims::ShardRouter>(own, std::move(list));
}

}  // namespace

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
  const bool replicated = claims::ReplicatedModeFromFlags();
  if (replicated && !claims::NatsLogOptionsFromFlags().ok()) {
    spdlog::critical("{}", claims::NatsLogOptionsFromFlags().status().ToString());
    return EXIT_FAILURE;
  }
  auto peers = claims::ParseShardPeers(absl::GetFlag(FLAGS_shard_peers));
  if (!peers.ok()) {
    spdlog::critical("{}", peers.status().ToString());
    return EXIT_FAILURE;
  }
  ReplicaSource replica;
  claims::FollowerLoop follower(
      [&]() -> absl::StatusOr<std::unique_ptr<claims::Follower>> {
        if (replicated) return replica.Open();
        return claims::OpenSecondaryFollower(database_dir, secondary);
      },
      absl::Milliseconds(replicated ? 1 : absl::GetFlag(FLAGS_catchup_interval_ms)),
      [server, replicated] {
        if (!replicated) server->SetServing(true);
      });
  if (replicated) {
    follower.set_on_health([server](const absl::Status& health) {
      if (health.ok()) {
        spdlog::info("replica verified and caught up; health SERVING");
      } else {
        spdlog::warn("health NOT_SERVING: {}", health.ToString());
      }
      server->SetServing(health.ok());
    });
  }
  claims::StreamLimits watch_limits = server->context().stream_limits;
  watch_limits.total = static_cast<int>(absl::GetFlag(FLAGS_max_watchers));
  claims::WatchHub watch_hub(&follower, server->context().drain, watch_limits);
  claims::QueryServiceImpl service(&follower, taxonomy->get(), &watch_hub,
                                   server->context());
  service.set_own_shard(replicated ? absl::GetFlag(FLAGS_shard) : 0);
  server->AddService(&service);
  // Several shards: answer for all of them (set up once the log says how
  // many there are; only the follower's thread calls this).
  std::unique_ptr<claims::ShardRouter> router;
  replica.on_shards = [&](uint32_t shards) -> absl::Status {
    if (router != nullptr || shards <= 1) return absl::OkStatus();
    ASSIGN_OR_RETURN(router, MakeRouter(shards, absl::GetFlag(FLAGS_shard), *peers, server));
    service.set_router(router.get());
    spdlog::info("answering for {} shards (shard {} in-process)", shards,
                 absl::GetFlag(FLAGS_shard));
    return absl::OkStatus();
  };
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
  if (replicated) replica.AddGauges(gauges.get());
  server->metrics().AddCollectable(gauges);
  auto port = server->Start();
  if (!port.ok()) {
    spdlog::critical("{}", port.status().ToString());
    return EXIT_FAILURE;
  }
  follower.Start();
  spdlog::info("claims-query serving on port {} (following {})", *port,
               replicated ? absl::StrCat("log ", absl::GetFlag(FLAGS_log), " shard ",
                                         absl::GetFlag(FLAGS_shard))
                          : database_dir);
  server->WaitForTermination();
  return EXIT_SUCCESS;
}
