#include "query_svc/checkpoint_fetch.h"

#include <grpcpp/grpcpp.h>

#include <filesystem>
#include <fstream>
#include <system_error>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "claims/v1/claims.grpc.pb.h"
#include "spdlog/spdlog.h"

namespace claims {

namespace fs = std::filesystem;

absl::StatusOr<claims::v1::CheckpointChunk> FetchCheckpoint(
    const std::string& peer, const std::string& dir,
    const std::string& bearer_token) {
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    return absl::FailedPreconditionError(absl::StrCat(dir, " already exists"));
  }
  const std::string partial = dir + ".partial";
  fs::remove_all(partial, ec);
  fs::create_directories(partial, ec);
  if (ec) return absl::UnavailableError(absl::StrCat("create ", partial, ": ", ec.message()));

  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(8 << 20);
  auto stub = claims::v1::QueryService::NewStub(grpc::CreateCustomChannel(
      peer, grpc::InsecureChannelCredentials(), args));
  grpc::ClientContext context;
  if (!bearer_token.empty()) {
    context.AddMetadata("authorization", "Bearer " + bearer_token);
  }
  auto reader = stub->StreamCheckpoint(&context, claims::v1::StreamCheckpointRequest());
  claims::v1::CheckpointChunk chunk, header;
  bool first = true;
  uint64_t bytes = 0;
  std::ofstream out;
  std::string current;
  while (reader->Read(&chunk)) {
    if (first) {
      header = chunk;
      header.clear_data();
      first = false;
    }
    const fs::path rel(chunk.file());
    if (chunk.file().empty() || rel.is_absolute() ||
        absl::StrContains(chunk.file(), "..")) {
      context.TryCancel();
      return absl::DataLossError(absl::StrCat("checkpoint file name \"", chunk.file(), "\""));
    }
    if (chunk.file() != current) {
      out.close();
      current = chunk.file();
      fs::create_directories((fs::path(partial) / rel).parent_path(), ec);
      out.open(fs::path(partial) / rel, std::ios::binary | std::ios::trunc);
    }
    out.write(chunk.data().data(), static_cast<std::streamsize>(chunk.data().size()));
    if (!out) {
      context.TryCancel();
      return absl::UnavailableError(absl::StrCat("write ", partial, "/", current));
    }
    bytes += chunk.data().size();
  }
  out.close();
  grpc::Status status = reader->Finish();
  if (!status.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                        absl::StrCat("checkpoint from ", peer, ": ",
                                     status.error_message()));
  }
  if (first) return absl::DataLossError("the peer sent an empty checkpoint");
  fs::rename(partial, dir, ec);
  if (ec) return absl::UnavailableError(absl::StrCat("rename ", partial, ": ", ec.message()));
  spdlog::info("bootstrapped from {}: checkpoint of shard {} at position {} "
               "(sequence {}), {} bytes",
               peer, header.shard(), header.log_position(), header.sequence(), bytes);
  return header;
}

}  // namespace claims
