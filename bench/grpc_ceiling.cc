// grpc_ceiling: the streaming-throughput ceiling of gRPC on this machine.
// A server process that does nothing but stream prepared QueryClaimsResponse
// messages (the real service and message type, no storage behind it) and a
// client that reads them exactly as query_bench's export does (the client
// library, counting ByteSizeLong), over loopback.
//
//   grpc_ceiling --message_bytes=629 --messages=100000 [--sample=sample.bin]
//
// Two streams are measured:
//   bare  messages whose only field is an opaque string, padded to the
//         average serialized size of a streamed claim (--message_bytes);
//   real  the real claims sampled by query_bench (--sample), cycled, i.e.
//         the cost of the messages themselves without any storage work;
// each read by a typed client (decoding every message, keys ceiling_bare_*,
// ceiling_real_*) and by a raw one (no decoding, ceiling_bare_raw_*,
// ceiling_real_raw_*), matching query_bench's two export figures; and the
// bare stream corked as claims-query corks it (ceiling_bare_corked_*). With
// --latency_runs, also the time to the first and the 100th message of a
// 100-message bare stream (ceiling_latency_first_*, ceiling_latency_nth_*),
// timed as query_bench times queries, plain and corked
// (ceiling_latency_corked_*), and of real claims corked
// (ceiling_latency_real_corked_*: what the client's decoding adds): the
// floor under its latencies.
// Results are "key value" lines on stdout and appended to --results.
#include <grpcpp/grpcpp.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <thread>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "bench/bench_util.h"
#include "cli/claims_client.h"

ABSL_FLAG(int, message_bytes, 629, "serialized size of a bare message");
ABSL_FLAG(uint64_t, messages, 100000, "messages per stream");
ABSL_FLAG(int, runs, 3, "streams per kind (the median is reported)");
ABSL_FLAG(std::string, sample, "",
          "length-prefixed real QueryClaimsResponse messages (query_bench "
          "--sample_out); empty = bare stream only");
ABSL_FLAG(int, latency_runs, 0,
          "also time this many 100-message bare streams: the latency floor "
          "of a query answered with no storage work (0 = skip)");
ABSL_FLAG(std::string, results, "", "append result lines to this file");
ABSL_FLAG(int, port, 0, "loopback port (0 = pick a free one)");
ABSL_FLAG(bool, callback_api, false,
          "serve with gRPC's callback API instead of the synchronous one");

namespace {

using claims::v1::QueryClaimsRequest;
using claims::v1::QueryClaimsResponse;

// The prepared messages and what a request asks of them: topic "real"
// selects the sampled claims, anything else the bare messages; actor
// "corked" groups writes as claims-query groups them (the first alone, then
// 16 to a transport write).
struct Streams {
  std::vector<QueryClaimsResponse> bare;
  std::vector<QueryClaimsResponse> real;

  const std::vector<QueryClaimsResponse>& ItemsFor(
      const QueryClaimsRequest& request) const {
    const bool want_real = request.topics_size() > 0 &&
                           request.topics(0) == "real" && !real.empty();
    return want_real ? real : bare;
  }
  static grpc::WriteOptions WriteOptionsFor(const QueryClaimsRequest& request,
                                            uint64_t i) {
    grpc::WriteOptions options;
    if (request.actors_size() > 0 && request.actors(0) == "corked" &&
        i % 16 != 0) {
      options.set_buffer_hint();
    }
    return options;
  }
};

// Streams `limit` prepared messages, cycling through them.
class CeilingService final : public claims::v1::QueryService::Service {
 public:
  explicit CeilingService(const Streams* streams) : streams_(streams) {}

  grpc::Status QueryClaims(grpc::ServerContext*, const QueryClaimsRequest* request,
                           grpc::ServerWriter<QueryClaimsResponse>* writer) override {
    const auto& items = streams_->ItemsFor(*request);
    for (uint64_t i = 0; i < request->limit(); ++i) {
      if (!writer->Write(items[i % items.size()],
                         Streams::WriteOptionsFor(*request, i))) {
        break;
      }
    }
    return grpc::Status::OK;
  }

 private:
  const Streams* streams_;
};

// The same streams on gRPC's callback API: writes are issued from the
// completion of the previous one, with no handler thread.
class CallbackCeilingService final
    : public claims::v1::QueryService::CallbackService {
 public:
  explicit CallbackCeilingService(const Streams* streams) : streams_(streams) {}

  grpc::ServerWriteReactor<QueryClaimsResponse>* QueryClaims(
      grpc::CallbackServerContext*, const QueryClaimsRequest* request) override {
    return new Writer(&streams_->ItemsFor(*request), *request);
  }

 private:
  class Writer final : public grpc::ServerWriteReactor<QueryClaimsResponse> {
   public:
    Writer(const std::vector<QueryClaimsResponse>* items,
           const QueryClaimsRequest& request)
        : items_(items), request_(request) {
      Next();
    }
    void OnWriteDone(bool ok) override {
      if (!ok) {
        Finish(grpc::Status::CANCELLED);
        return;
      }
      Next();
    }
    void OnDone() override { delete this; }

   private:
    void Next() {
      if (sent_ == request_.limit()) {
        Finish(grpc::Status::OK);
        return;
      }
      StartWrite(&(*items_)[sent_ % items_->size()],
                 Streams::WriteOptionsFor(request_, sent_));
      ++sent_;
    }
    const std::vector<QueryClaimsResponse>* items_;
    const QueryClaimsRequest request_;
    uint64_t sent_ = 0;
  };

  const Streams* streams_;
};

std::vector<QueryClaimsResponse> ReadSample(const std::string& path) {
  std::vector<QueryClaimsResponse> items;
  if (path.empty()) return items;
  std::ifstream in(path, std::ios::binary);
  uint32_t size;
  while (in.read(reinterpret_cast<char*>(&size), sizeof size)) {
    std::string bytes(size, '\0');
    if (!in.read(bytes.data(), size)) break;
    QueryClaimsResponse item;
    if (item.ParseFromString(bytes)) items.push_back(std::move(item));
  }
  return items;
}

// A loopback port that was free a moment ago (plain sockets: gRPC must
// not be initialised before the server process is forked).
int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  close(fd);
  return port;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  // A bare message: one string field; 3 bytes of tag and length overhead
  // for sizes up to 16 KiB.
  const int payload = std::max(1, absl::GetFlag(FLAGS_message_bytes) - 3);
  std::vector<QueryClaimsResponse> bare(1);
  bare[0].set_cursor(std::string(payload, 'x'));
  std::vector<QueryClaimsResponse> real = ReadSample(absl::GetFlag(FLAGS_sample));

  // The server runs in its own process, like claims-query does.
  int port = absl::GetFlag(FLAGS_port);
  if (port == 0) port = FreePort();
  const std::string address = absl::StrCat("127.0.0.1:", port);
  int ready[2];
  if (pipe(ready) != 0) return 1;
  pid_t server_pid = fork();
  if (server_pid == 0) {
    const Streams streams{bare, real};
    CeilingService sync_service(&streams);
    CallbackCeilingService callback_service(&streams);
    grpc::Service* service = absl::GetFlag(FLAGS_callback_api)
                                 ? static_cast<grpc::Service*>(&callback_service)
                                 : &sync_service;
    grpc::ServerBuilder builder;
    builder.AddListeningPort(address, grpc::InsecureServerCredentials());
    builder.SetMaxReceiveMessageSize(16 << 20);
    builder.SetMaxSendMessageSize(16 << 20);
    builder.RegisterService(service);
    auto server = builder.BuildAndStart();
    if (!server) _exit(1);
    char ok = 1;
    (void)!write(ready[1], &ok, 1);
    server->Wait();  // until killed by the parent
    _exit(0);
  }

  close(ready[1]);  // so a server that dies early ends the read below
  // Connect only once the server listens (a channel that failed its first
  // connection would back off for seconds).
  char ok = 0;
  if (read(ready[0], &ok, 1) != 1) {
    std::cerr << "grpc_ceiling: server did not start on " << address << "\n";
    kill(server_pid, SIGKILL);
    waitpid(server_pid, nullptr, 0);
    return 1;
  }
  claims::ClaimsClient client(nullptr, claims::ClaimsClient::Connect(address));
  client.set_timeout(absl::Seconds(120));
  claims::bench::ResultLog log(absl::GetFlag(FLAGS_results));
  int exit_code = 0;
  // Wait (bounded) until the server answers.
  bool up = false;
  for (int attempt = 0; attempt < 100 && !up; ++attempt) {
    QueryClaimsRequest ping;
    ping.set_limit(1);
    up = client.QueryClaims(ping, [](const QueryClaimsResponse&) { return true; })
             .ok();
    if (!up) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (!up) {
    std::cerr << "grpc_ceiling: server did not start\n";
    exit_code = 1;
  }
  std::shared_ptr<grpc::Channel> raw_channel =
      claims::ClaimsClient::Connect(address);
  for (const std::string kind : {"bare", "bare_corked", "real"}) {
    if (!up) break;
    if (kind == "real" && real.empty()) continue;
    for (const bool raw : {false, true}) {
      std::vector<double> rates, mbs;
      double avg = 0;
      for (int run = 0; run < std::max(1, absl::GetFlag(FLAGS_runs)); ++run) {
        QueryClaimsRequest request;
        request.set_limit(static_cast<uint32_t>(absl::GetFlag(FLAGS_messages)));
        request.add_topics(kind == "real" ? "real" : "bare");
        if (kind == "bare_corked") request.add_actors("corked");
        uint64_t count = 0, bytes = 0;
        const auto start = std::chrono::steady_clock::now();
        absl::Status status =
            raw ? claims::bench::StreamQueryClaimsRaw(
                      raw_channel.get(), request, 120,
                      [&](size_t size) {
                        ++count;
                        bytes += size;
                      })
                : client.QueryClaims(request,
                                     [&](const QueryClaimsResponse& item) {
                                       ++count;
                                       bytes += item.ByteSizeLong();
                                       return true;
                                     });
        const double seconds =
            claims::bench::Ms(start, std::chrono::steady_clock::now()) / 1000;
        if (!status.ok()) {
          std::cerr << "grpc_ceiling: " << status << "\n";
          exit_code = 1;
          break;
        }
        rates.push_back(count / seconds);
        mbs.push_back(bytes / seconds / 1e6);
        avg = count == 0 ? 0 : static_cast<double>(bytes) / count;
      }
      if (rates.empty()) continue;
      std::sort(rates.begin(), rates.end());
      std::sort(mbs.begin(), mbs.end());
      const std::string key =
          absl::StrCat("ceiling_", kind, raw ? "_raw" : "");
      log.Put(key + "_messages_per_s", rates[rates.size() / 2]);
      log.Put(key + "_mb_per_s", mbs[mbs.size() / 2]);
      log.Put(key + "_avg_message_bytes", avg);
    }
  }
  for (const std::string kind : {"bare", "bare_corked", "real_corked"}) {
    if (!up || absl::GetFlag(FLAGS_latency_runs) <= 0) break;
    if (kind == "real_corked" && real.empty()) continue;
    constexpr int kNth = 100;
    std::vector<double> first, nth;
    for (int run = 0; run < absl::GetFlag(FLAGS_latency_runs); ++run) {
      QueryClaimsRequest request;
      request.set_limit(kNth);
      request.add_topics(kind == "real_corked" ? "real" : "bare");
      if (kind != "bare") request.add_actors("corked");
      int count = 0;
      const auto start = std::chrono::steady_clock::now();
      absl::Status status =
          client.QueryClaims(request, [&](const QueryClaimsResponse&) {
            const double ms = claims::bench::Ms(
                start, std::chrono::steady_clock::now());
            if (++count == 1) first.push_back(ms);
            if (count == kNth) nth.push_back(ms);
            return true;
          });
      if (!status.ok()) {
        std::cerr << "grpc_ceiling: " << status << "\n";
        exit_code = 1;
        break;
      }
    }
    const std::string key =
        kind == "bare" ? "ceiling_latency"
        : kind == "bare_corked" ? "ceiling_latency_corked"
                                : "ceiling_latency_real_corked";
    log.PutPercentiles(key + "_first", claims::bench::Summarize(&first));
    log.PutPercentiles(key + "_nth", claims::bench::Summarize(&nth));
  }
  kill(server_pid, SIGKILL);
  waitpid(server_pid, nullptr, 0);
  return exit_code;
}
