// Flags both servers share. Defaults need no configuration: the database
// under ./data and the bundled knowledge base and taxonomy.
#ifndef CLAIMS_COMMON_SERVER_COMMON_FLAGS_H_
#define CLAIMS_COMMON_SERVER_COMMON_FLAGS_H_

#include <string>

#include "absl/flags/declare.h"
#include "common/extract/extractor.h"
#include "common/server/server_runner.h"

// Read directly by the servers; the others reach them through the
// *FromFlags functions below.
ABSL_DECLARE_FLAG(std::string, data_dir);
ABSL_DECLARE_FLAG(std::string, taxonomy_file);
ABSL_DECLARE_FLAG(std::string, taxonomy_extra_file);
ABSL_DECLARE_FLAG(bool, log_json);

namespace claims {

// The RocksDB directory: <data_dir>/db.
std::string DatabaseDirFromFlags();

// Extractor configuration from the flags above.
ExtractorConfig ExtractorConfigFromFlags();

// Server configuration from the flags above plus the service's own listen
// addresses and gRPC service name.
ServerConfig ServerConfigFromFlags(std::string listen,
                                   std::string metrics_listen,
                                   std::string service_name);

}  // namespace claims

#endif  // CLAIMS_COMMON_SERVER_COMMON_FLAGS_H_
