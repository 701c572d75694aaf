#include "common/server/common_flags.h"

#include <filesystem>

#include "absl/flags/flag.h"

namespace {

// The bundled data: the source tree's data/ when running from a build tree,
// else the installed copy.
std::string BundledDataPath(const std::string& relative) {
  std::filesystem::path source =
      std::filesystem::path(CLAIMS_SOURCE_DATA_DIR) / relative;
  if (std::filesystem::exists(source)) return source.string();
  return (std::filesystem::path("/usr/local/share/claimstore") / relative)
      .string();
}

}  // namespace

ABSL_FLAG(std::string, data_dir, "./data",
          "data root: the database lives in <data_dir>/db (ingest writes it; "
          "query follows it read-only)");
ABSL_FLAG(std::string, kb_dir, BundledDataPath("kb"),
          "folder of knowledge-base files (*.jsonl)");
ABSL_FLAG(std::string, kb_extra_file, "",
          "operator file extending the knowledge base (JSON lines)");
ABSL_FLAG(std::string, lexicon_dir, "",
          "folder of the extractor's word lists and cue tables "
          "(default: the extract/ folder beside --kb_dir)");
ABSL_FLAG(std::string, models_dir, "",
          "folder of the trained tagger, parser and entity models "
          "(default: the models/ folder beside --kb_dir)");
ABSL_FLAG(std::string, taxonomy_file, BundledDataPath("taxonomy/topics.jsonl"),
          "topic taxonomy file (JSON lines)");
ABSL_FLAG(std::string, taxonomy_extra_file, "",
          "operator file extending the taxonomy (JSON lines): known ids get "
          "keywords and aliases, new ids add topics");
ABSL_FLAG(std::string, topic_cues_file, "",
          "the topic stage's cue file (JSON lines; default: topic_cues.jsonl "
          "beside --taxonomy_file)");
ABSL_FLAG(std::string, topic_cues_extra_file, "",
          "operator file of more topic cues (JSON lines)");
ABSL_FLAG(bool, inherit_article_topics, true,
          "a claim whose sentence has no topic of its own takes the article's "
          "main topic");
ABSL_FLAG(bool, log_json, false, "write logs as JSON lines");
ABSL_FLAG(int, shutdown_grace_seconds, 20,
          "on SIGTERM, seconds to drain in-flight calls before exiting");
ABSL_FLAG(int, max_message_bytes, 16 << 20,
          "largest gRPC message accepted or sent");
ABSL_FLAG(int, default_deadline_seconds, 300,
          "deadline for calls whose client set none (live watches and bulk "
          "loads excepted)");
ABSL_FLAG(int, max_concurrent_streams, 256,
          "streaming calls served at once; more get RESOURCE_EXHAUSTED");
ABSL_FLAG(int, max_streams_per_peer, 64,
          "streaming calls served at once for one client connection");
ABSL_FLAG(int, stream_idle_timeout_seconds, 30,
          "cancel a stream whose client has not read (or sent) for this long");
ABSL_FLAG(std::string, tls_cert_file, "",
          "PEM certificate chain; enables TLS (with --tls_key_file)");
ABSL_FLAG(std::string, tls_key_file, "", "PEM private key for TLS");
ABSL_FLAG(std::string, tls_client_ca_file, "",
          "PEM CA bundle; requires client certificates (mutual TLS)");
ABSL_FLAG(std::string, auth_token_file, "",
          "file of accepted bearer tokens, one per line (re-read on change); "
          "empty = no authentication");

namespace claims {

std::string DatabaseDirFromFlags() {
  return (std::filesystem::path(absl::GetFlag(FLAGS_data_dir)) / "db").string();
}

ExtractorConfig ExtractorConfigFromFlags() {
  ExtractorConfig config;
  config.kb_dir = absl::GetFlag(FLAGS_kb_dir);
  config.kb_extra_file = absl::GetFlag(FLAGS_kb_extra_file);
  config.taxonomy_file = absl::GetFlag(FLAGS_taxonomy_file);
  config.lexicon_dir = absl::GetFlag(FLAGS_lexicon_dir);
  config.models_dir = absl::GetFlag(FLAGS_models_dir);
  config.taxonomy_extra_file = absl::GetFlag(FLAGS_taxonomy_extra_file);
  config.topic_cues_file = absl::GetFlag(FLAGS_topic_cues_file);
  config.topic_cues_extra_file = absl::GetFlag(FLAGS_topic_cues_extra_file);
  config.inherit_article_topics = absl::GetFlag(FLAGS_inherit_article_topics);
  return config;
}

ServerConfig ServerConfigFromFlags(std::string listen,
                                   std::string metrics_listen,
                                   std::string service_name) {
  ServerConfig config;
  config.listen = std::move(listen);
  config.metrics_listen = std::move(metrics_listen);
  config.service_name = std::move(service_name);
  config.tls.cert_file = absl::GetFlag(FLAGS_tls_cert_file);
  config.tls.key_file = absl::GetFlag(FLAGS_tls_key_file);
  config.tls.client_ca_file = absl::GetFlag(FLAGS_tls_client_ca_file);
  config.auth_token_file = absl::GetFlag(FLAGS_auth_token_file);
  config.streams.total = absl::GetFlag(FLAGS_max_concurrent_streams);
  config.streams.per_peer = absl::GetFlag(FLAGS_max_streams_per_peer);
  config.streams.idle_timeout =
      absl::Seconds(absl::GetFlag(FLAGS_stream_idle_timeout_seconds));
  config.default_deadline = absl::Seconds(absl::GetFlag(FLAGS_default_deadline_seconds));
  config.shutdown_grace = absl::Seconds(absl::GetFlag(FLAGS_shutdown_grace_seconds));
  config.max_receive_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  config.max_send_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  return config;
}

}  // namespace claims
