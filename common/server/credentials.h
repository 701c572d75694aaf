// Server transport credentials from certificate files: plaintext when no
// certificate is configured, TLS with a certificate and key, and mutual TLS
// (clients must present a certificate signed by the CA) when a client CA is
// given too.
#ifndef CLAIMS_COMMON_SERVER_CREDENTIALS_H_
#define CLAIMS_COMMON_SERVER_CREDENTIALS_H_

#include <grpcpp/security/server_credentials.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace claims {

struct TlsFiles {
  std::string cert_file;       // PEM certificate chain; "" = plaintext
  std::string key_file;        // PEM private key
  std::string client_ca_file;  // PEM CA for client certificates; "" = no mTLS
};

// INVALID_ARGUMENT naming the flag when a file is missing or unreadable.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const TlsFiles& files);

}  // namespace claims

#endif  // CLAIMS_COMMON_SERVER_CREDENTIALS_H_
