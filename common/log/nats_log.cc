#include "common/log/nats_log.h"

#include <nats/nats.h>

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/util/status_macros.h"

namespace claims {
namespace {

// libnats handles as unique_ptrs.
struct MsgDeleter {
  void operator()(natsMsg* m) const { natsMsg_Destroy(m); }
};
using MsgPtr = std::unique_ptr<natsMsg, MsgDeleter>;
struct InfoDeleter {
  void operator()(jsStreamInfo* i) const { jsStreamInfo_Destroy(i); }
};
using InfoPtr = std::unique_ptr<jsStreamInfo, InfoDeleter>;

absl::Status FromNats(natsStatus s, jsErrCode jerr, std::string_view what) {
  if (s == NATS_OK) return absl::OkStatus();
  std::string text = absl::StrCat(std::string(what), ": ", natsStatus_GetText(s));
  if (jerr != 0) absl::StrAppend(&text, " (JetStream error ", jerr, ")");
  // The thread's last error text is only this call's for a server error;
  // for a timeout or a lost connection it may be an earlier call's.
  if (s == NATS_ERR) {
    if (const char* last = nats_GetLastError(nullptr); last != nullptr && *last) {
      absl::StrAppend(&text, ": ", last);
    }
  }
  if (jerr == JSStreamWrongLastSequenceErr) return absl::AbortedError(text);
  if (s == NATS_MAX_PAYLOAD || jerr == JSStreamMessageExceedsMaximumErr) {
    return absl::ResourceExhaustedError(
        absl::StrCat(text, " (the record is larger than the log accepts)"));
  }
  if (jerr == JSNoMessageFoundErr || jerr == JSStreamNotFoundErr ||
      s == NATS_NOT_FOUND) {
    return absl::NotFoundError(text);
  }
  if (s == NATS_TIMEOUT) return absl::DeadlineExceededError(text);
  return absl::UnavailableError(text);
}

int64_t Millis(absl::Duration d) { return absl::ToInt64Milliseconds(d); }

}  // namespace

absl::StatusOr<std::vector<std::string>> ParseNatsUrl(const std::string& url) {
  std::vector<std::string> servers;
  for (absl::string_view part : absl::StrSplit(url, ',', absl::SkipEmpty())) {
    part = absl::StripAsciiWhitespace(part);
    absl::ConsumePrefix(&part, "nats://");
    if (part.empty() || absl::StrContains(part, "://") ||
        !absl::StrContains(part, ':')) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--log: \"", url, "\" is not nats://HOST:PORT[,HOST:PORT...]"));
    }
    servers.push_back(absl::StrCat("nats://", part));
  }
  if (servers.empty() || !absl::StartsWith(url, "nats://")) {
    return absl::InvalidArgumentError(
        absl::StrCat("--log: \"", url, "\" is not nats://HOST:PORT[,...]"));
  }
  return servers;
}

struct NatsLog::Impl {
  NatsLogOptions options;
  natsConnection* nc = nullptr;
  jsCtx* js = nullptr;

  ~Impl() {
    if (js != nullptr) jsCtx_Destroy(js);
    if (nc != nullptr) {
      natsConnection_Close(nc);
      natsConnection_Destroy(nc);
    }
  }

  std::string Stream(uint32_t shard) const {
    return absl::StrCat(options.stream_prefix, shard);
  }
  std::string Subject(uint32_t shard, std::string_view key) const {
    return absl::StrCat(options.subject_prefix, ".", shard, ".", std::string(key));
  }

  absl::StatusOr<InfoPtr> Info(uint32_t shard) {
    jsStreamInfo* raw = nullptr;
    jsErrCode jerr = static_cast<jsErrCode>(0);
    natsStatus s =
        js_GetStreamInfo(&raw, js, Stream(shard).c_str(), nullptr, &jerr);
    RETURN_IF_ERROR(FromNats(s, jerr, absl::StrCat("stream info ", Stream(shard))));
    return InfoPtr(raw);
  }

  absl::Status Create(uint32_t shard) {
    const std::string name = Stream(shard);
    const std::string subject = absl::StrCat(options.subject_prefix, ".", shard, ".>");
    const char* subjects[] = {subject.c_str()};
    jsStreamConfig cfg;
    jsStreamConfig_Init(&cfg);
    cfg.Name = name.c_str();
    cfg.Subjects = subjects;
    cfg.SubjectsLen = 1;
    cfg.Storage = js_FileStorage;
    cfg.Replicas = options.replicas;
    cfg.MaxMsgSize = options.max_entry_bytes;
    cfg.Duplicates = absl::ToInt64Nanoseconds(options.dedup_window);
    cfg.DenyDelete = true;
    cfg.DenyPurge = true;
    cfg.AllowDirect = true;
    jsStreamInfo* raw = nullptr;
    jsErrCode jerr = static_cast<jsErrCode>(0);
    natsStatus s = js_AddStream(&raw, js, &cfg, nullptr, &jerr);
    InfoPtr info(raw);
    if (jerr == JSStreamNameExistErr) return absl::OkStatus();  // raced
    return FromNats(s, jerr, absl::StrCat("create stream ", name));
  }

  absl::StatusOr<LogEntry> ToEntry(uint32_t shard, natsMsg* msg) const {
    LogEntry entry;
    entry.position = natsMsg_GetSequence(msg);
    const std::string prefix = absl::StrCat(options.subject_prefix, ".", shard, ".");
    absl::string_view subject = natsMsg_GetSubject(msg);
    if (!absl::ConsumePrefix(&subject, prefix)) {
      return absl::DataLossError(
          absl::StrCat("entry on unexpected subject ", subject));
    }
    entry.key = std::string(subject);
    entry.data.assign(natsMsg_GetData(msg),
                      static_cast<size_t>(natsMsg_GetDataLength(msg)));
    return entry;
  }
};

// An ordered consumer from a start sequence.
class NatsLogReader final : public LogReader {
 public:
  NatsLogReader(NatsLog::Impl* impl, uint32_t shard, natsSubscription* sub)
      : impl_(impl), shard_(shard), sub_(sub) {}
  ~NatsLogReader() override {
    natsSubscription_Unsubscribe(sub_);
    natsSubscription_Destroy(sub_);
  }

  absl::StatusOr<std::optional<LogEntry>> Next(absl::Duration wait) override {
    natsMsg* raw = nullptr;
    natsStatus s = natsSubscription_NextMsg(
        &raw, sub_, std::max<int64_t>(1, Millis(wait)));
    if (s == NATS_TIMEOUT) return std::optional<LogEntry>();
    RETURN_IF_ERROR(FromNats(s, static_cast<jsErrCode>(0), "read log"));
    MsgPtr msg(raw);
    jsMsgMetaData* meta = nullptr;
    RETURN_IF_ERROR(FromNats(natsMsg_GetMetaData(&meta, msg.get()),
                             static_cast<jsErrCode>(0), "log entry metadata"));
    const uint64_t position = meta->Sequence.Stream;
    jsMsgMetaData_Destroy(meta);
    ASSIGN_OR_RETURN(LogEntry entry, impl_->ToEntry(shard_, msg.get()));
    entry.position = position;
    return std::optional<LogEntry>(std::move(entry));
  }

 private:
  NatsLog::Impl* impl_;
  uint32_t shard_;
  natsSubscription* sub_;
};

absl::StatusOr<std::unique_ptr<NatsLog>> NatsLog::Connect(NatsLogOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->options = std::move(options);
  std::vector<const char*> servers;
  for (const std::string& s : impl->options.servers) servers.push_back(s.c_str());
  natsOptions* opts = nullptr;
  RETURN_IF_ERROR(FromNats(natsOptions_Create(&opts), static_cast<jsErrCode>(0), "nats options"));
  natsOptions_SetServers(opts, servers.data(), static_cast<int>(servers.size()));
  natsOptions_SetMaxReconnect(opts, -1);
  natsOptions_SetReconnectWait(opts, 100);
  natsOptions_SetTimeout(opts, 2000);
  natsOptions_SetPingInterval(opts, 2000);
  natsOptions_SetMaxPingsOut(opts, 2);
  natsStatus s = natsConnection_Connect(&impl->nc, opts);
  natsOptions_Destroy(opts);
  RETURN_IF_ERROR(FromNats(s, static_cast<jsErrCode>(0),
                           absl::StrCat("connect to ", impl->options.servers[0])));
  jsOptions jo;
  jsOptions_Init(&jo);
  jo.Wait = Millis(impl->options.request_timeout);
  RETURN_IF_ERROR(FromNats(natsConnection_JetStream(&impl->js, impl->nc, &jo),
                           static_cast<jsErrCode>(0), "JetStream context"));
  return std::unique_ptr<NatsLog>(new NatsLog(std::move(impl)));
}

NatsLog::NatsLog(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
NatsLog::~NatsLog() = default;

absl::Status NatsLog::EnsureShards(uint32_t shards) {
  for (uint32_t shard = 0; shard < shards; ++shard) {
    absl::StatusOr<InfoPtr> info = impl_->Info(shard);
    if (absl::IsNotFound(info.status())) {
      RETURN_IF_ERROR(impl_->Create(shard));
    } else if (!info.ok()) {
      return info.status();
    }
  }
  // One stream past the count means the log was made with more shards.
  if (impl_->Info(shards).ok()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "stream ", impl_->Stream(shards), " exists: the log has more than ",
        shards, " shards (--shards is fixed when the log is created)"));
  }
  return absl::OkStatus();
}

absl::StatusOr<AppendAck> NatsLog::Append(uint32_t shard, std::string_view key,
                                          std::string_view data,
                                          uint64_t expected_last,
                                          std::string_view msg_id) {
  const std::string subject = impl_->Subject(shard, key);
  const std::string id(msg_id);
  natsMsg* raw = nullptr;
  RETURN_IF_ERROR(FromNats(
      natsMsg_Create(&raw, subject.c_str(), nullptr, data.data(),
                     static_cast<int>(data.size())),
      static_cast<jsErrCode>(0), "create message"));
  MsgPtr msg(raw);
  jsPubOptions po;
  jsPubOptions_Init(&po);
  po.MsgId = id.c_str();
  po.ExpectLastSeq = expected_last;
  po.MaxWait = Millis(impl_->options.request_timeout);
  jsPubAck* ack = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_PublishMsg(&ack, impl_->js, msg.get(), &po, &jerr);
  RETURN_IF_ERROR(FromNats(s, jerr, absl::StrCat("append to ", impl_->Stream(shard))));
  AppendAck result{ack->Sequence, ack->Duplicate};
  jsPubAck_Destroy(ack);
  return result;
}

absl::StatusOr<LogEntry> NatsLog::Get(uint32_t shard, uint64_t position) {
  natsMsg* raw = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_GetMsg(&raw, impl_->js, impl_->Stream(shard).c_str(),
                           position, nullptr, &jerr);
  RETURN_IF_ERROR(FromNats(s, jerr, absl::StrCat("get ", impl_->Stream(shard), "/", position)));
  MsgPtr msg(raw);
  return impl_->ToEntry(shard, msg.get());
}

absl::StatusOr<std::optional<LogEntry>> NatsLog::LastForKey(
    uint32_t shard, std::string_view key) {
  natsMsg* raw = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_GetLastMsg(&raw, impl_->js, impl_->Stream(shard).c_str(),
                               impl_->Subject(shard, key).c_str(), nullptr, &jerr);
  absl::Status status = FromNats(s, jerr, "last entry by key");
  if (absl::IsNotFound(status) && jerr == JSNoMessageFoundErr) {
    return std::optional<LogEntry>();
  }
  RETURN_IF_ERROR(status);
  MsgPtr msg(raw);
  ASSIGN_OR_RETURN(LogEntry entry, impl_->ToEntry(shard, msg.get()));
  return std::optional<LogEntry>(std::move(entry));
}

absl::StatusOr<ShardState> NatsLog::State(uint32_t shard) {
  ASSIGN_OR_RETURN(InfoPtr info, impl_->Info(shard));
  ShardState state;
  state.last_position = info->State.LastSeq;
  state.first_position = info->State.Msgs == 0 ? 0 : info->State.FirstSeq;
  return state;
}

absl::StatusOr<std::string> NatsLog::Leader(uint32_t shard) {
  ASSIGN_OR_RETURN(InfoPtr info, impl_->Info(shard));
  if (info->Cluster == nullptr || info->Cluster->Leader == nullptr) {
    return std::string();
  }
  return std::string(info->Cluster->Leader);
}

absl::StatusOr<NatsLog::StreamStatus> NatsLog::Status(uint32_t shard) {
  ASSIGN_OR_RETURN(InfoPtr info, impl_->Info(shard));
  StreamStatus status;
  status.stream = impl_->Stream(shard);
  status.messages = info->State.Msgs;
  status.bytes = info->State.Bytes;
  status.first_position = info->State.Msgs == 0 ? 0 : info->State.FirstSeq;
  status.last_position = info->State.LastSeq;
  status.consumers = info->State.Consumers;
  if (info->Cluster != nullptr) {
    if (info->Cluster->Leader != nullptr) status.leader = info->Cluster->Leader;
    for (int i = 0; i < info->Cluster->ReplicasLen; ++i) {
      const jsPeerInfo* p = info->Cluster->Replicas[i];
      if (p == nullptr) continue;
      StreamStatus::Peer peer;
      peer.name = p->Name != nullptr ? p->Name : "";
      peer.current = p->Current;
      peer.offline = p->Offline;
      peer.lag = p->Lag;
      peer.last_active = absl::Nanoseconds(p->Active);
      status.peers.push_back(std::move(peer));
    }
  }
  return status;
}

absl::StatusOr<std::unique_ptr<LogReader>> NatsLog::Read(uint32_t shard,
                                                         uint64_t from) {
  const std::string stream = impl_->Stream(shard);
  const std::string subject = absl::StrCat(impl_->options.subject_prefix, ".", shard, ".>");
  jsSubOptions so;
  jsSubOptions_Init(&so);
  so.Stream = stream.c_str();
  so.Ordered = true;
  so.Config.DeliverPolicy = js_DeliverByStartSequence;
  so.Config.OptStartSeq = from;
  natsSubscription* sub = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_SubscribeSync(&sub, impl_->js, subject.c_str(), nullptr, &so, &jerr);
  RETURN_IF_ERROR(FromNats(s, jerr, absl::StrCat("read ", stream, " from ", from)));
  // A replica catching up reads far ahead of what it applies.
  natsSubscription_SetPendingLimits(sub, 1 << 20, 512 << 20);
  return std::unique_ptr<LogReader>(new NatsLogReader(impl_.get(), shard, sub));
}

}  // namespace claims
