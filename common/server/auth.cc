#include "common/server/auth.h"

#include <sys/stat.h>

#include <fstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "spdlog/spdlog.h"

namespace claims {
namespace {

constexpr absl::string_view kBearerPrefix = "Bearer ";

absl::StatusOr<std::vector<std::string>> ReadTokens(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return absl::InvalidArgumentError(
        absl::StrCat("auth_token_file: cannot read ", path));
  }
  std::vector<std::string> tokens;
  std::string line;
  while (std::getline(in, line)) {
    absl::string_view token = absl::StripAsciiWhitespace(line);
    if (token.empty() || token.front() == '#') continue;
    tokens.emplace_back(token);
  }
  if (tokens.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("auth_token_file: ", path, " holds no token"));
  }
  return tokens;
}

}  // namespace

bool ConstantTimeEquals(absl::string_view a, absl::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i]);
  }
  return diff == 0;
}

absl::StatusOr<std::unique_ptr<BearerAuth>> BearerAuth::Create(
    std::string token_file) {
  std::unique_ptr<BearerAuth> auth(new BearerAuth(std::move(token_file)));
  if (auth->enabled()) {
    absl::MutexLock lock(&auth->mu_);
    absl::Status loaded = auth->MaybeReload();
    if (!loaded.ok()) return loaded;
  }
  return auth;
}

absl::Status BearerAuth::MaybeReload() const {
  absl::Time now = absl::Now();
  if (now - last_check_ < absl::Seconds(1)) return absl::OkStatus();
  last_check_ = now;
  struct stat info;
  absl::StatusOr<std::vector<std::string>> tokens;
  if (stat(token_file_.c_str(), &info) != 0) {
    tokens = absl::InvalidArgumentError(
        absl::StrCat("auth_token_file: cannot stat ", token_file_));
  } else if (info.st_mtim.tv_sec == loaded_mtime_.tv_sec &&
             info.st_mtim.tv_nsec == loaded_mtime_.tv_nsec && problem_.empty()) {
    return absl::OkStatus();
  } else {
    tokens = ReadTokens(token_file_);
  }
  if (!tokens.ok()) {
    // Fail closed: a revoked file must not leave the old tokens valid.
    tokens_.clear();
    loaded_mtime_ = {0, 0};
    if (problem_ != tokens.status().message()) {
      problem_ = std::string(tokens.status().message());
      spdlog::error("{}; refusing every call until it is fixed", problem_);
    }
    return tokens.status();
  }
  if (!problem_.empty()) spdlog::info("auth_token_file: tokens loaded again");
  problem_.clear();
  tokens_ = *std::move(tokens);
  loaded_mtime_ = info.st_mtim;
  return absl::OkStatus();
}

grpc::Status BearerAuth::Check(const grpc::ServerContextBase& context) const {
  if (!enabled()) return grpc::Status::OK;
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) {
    return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                        "missing authorization: Bearer <token>");
  }
  absl::string_view value(it->second.data(), it->second.size());
  if (!absl::StartsWith(value, kBearerPrefix)) {
    return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                        "authorization must be 'Bearer <token>'");
  }
  value.remove_prefix(kBearerPrefix.size());
  absl::MutexLock lock(&mu_);
  (void)MaybeReload();  // failures are logged there and refuse every token
  if (tokens_.empty()) {
    return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                        "no token is accepted now (server token file)");
  }
  bool accepted = false;
  for (const std::string& token : tokens_) {
    accepted |= ConstantTimeEquals(value, token);
  }
  if (!accepted) {
    return grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "invalid token");
  }
  return grpc::Status::OK;
}

}  // namespace claims
