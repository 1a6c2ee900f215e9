/* sa-sandbox-server.c — the sandbox back office: the server object and its
 * public API
 *
 * A SoupServer over a SQLite database of training data that implements the
 * Desk API v1 (docs/desk-api.md). The work is done by: sa-sandbox-router.c
 * (the route table), sa-sandbox-accept.c (accepting connections and handing
 * them to libsoup), sa-sandbox-http.c and sa-sandbox-json.c (requests and
 * responses), sa-sandbox-db.c (the database), sa-sandbox-auth.c (sign-in),
 * and one file a resource: sa-sandbox-orders.c, sa-sandbox-accounts.c,
 * sa-sandbox-profile.c, sa-sandbox-account-requests.c,
 * sa-sandbox-access-requests.c, sa-sandbox-training.c; sa-sandbox-licenses.c
 * holds the license model; sa-sandbox-trainees.c the trainer's commands of
 * this API. The Cisco-shaped paths are in sa-sandbox-cisco-*.c (see
 * sa-sandbox-cisco-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-private.h"

#include <errno.h>
#include <string.h>

#include "sa-sandbox-accept.h"
#include "sa-sandbox-auth.h"
#include "sa-sandbox-cisco-private.h"

#define SA_SANDBOX_TOKEN_LIFETIME 3600 /* seconds */
#define SA_SANDBOX_MAX_READERS    4   /* read connections and their threads */

G_DEFINE_FINAL_TYPE (SaSandboxServer, sa_sandbox_server, G_TYPE_OBJECT)

/* ------------------------------------------------------------------------ */
/* Object                                                                    */

static void
sa_sandbox_server_dispose (GObject *object)
{
  SaSandboxServer *self = (SaSandboxServer *) object;

  g_clear_pointer (&self->acceptor, sa_sandbox_acceptor_free);
  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (sa_sandbox_server_parent_class)->dispose (object);
}

static void
sa_sandbox_server_finalize (GObject *object)
{
  SaSandboxServer *self = (SaSandboxServer *) object;

  g_clear_pointer (&self->readers, sa_sandbox_readers_free);
  g_clear_pointer (&self->router, sa_sandbox_router_free);
  g_clear_pointer (&self->tokens, g_hash_table_unref);
  g_clear_pointer (&self->sign_in_failures, g_hash_table_unref);
  g_clear_pointer (&self->cisco_users, sa_sandbox_cisco_users_free);
  g_clear_pointer (&self->dummy_hash, g_free);
  g_clear_pointer (&self->db, sa_sandbox_db_close);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_object (&self->tls_certificate);

  G_OBJECT_CLASS (sa_sandbox_server_parent_class)->finalize (object);
}

static void
sa_sandbox_server_class_init (SaSandboxServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sa_sandbox_server_dispose;
  object_class->finalize = sa_sandbox_server_finalize;
}

static void
sa_sandbox_server_init (SaSandboxServer *self)
{
  self->token_lifetime = (gint64) SA_SANDBOX_TOKEN_LIFETIME * G_USEC_PER_SEC;
}

/**
 * sa_sandbox_server_new:
 * @data_dir: (type filename): directory of the database; created (mode 0700)
 *   when missing
 * @error: return location for a #GError
 *
 * Opens (creating when needed) `DATA_DIR/sandbox.sqlite` and loads the
 * training data when it holds none (first start). The server then answers
 * the Desk API (docs/desk-api.md) once sa_sandbox_server_listen() is called.
 * It runs in the thread-default main context of the caller; all later calls
 * must come from that thread.
 *
 * Returns: (transfer full): a new server, or %NULL with @error set
 *   (%G_IO_ERROR_FAILED for SQLite failures, other %G_IO_ERROR codes for
 *   the directory).
 */
SaSandboxServer *
sa_sandbox_server_new (const char  *data_dir,
                       GError     **error)
{
  g_autoptr(SaSandboxServer) self = NULL;
  g_autofree char *db_path = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot create %s: %s", data_dir, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (SA_TYPE_SANDBOX_SERVER, NULL);
  self->data_dir = g_strdup (data_dir);

  db_path = g_build_filename (data_dir, "sandbox.sqlite", NULL);
  if (!sa_sandbox_db_open (db_path, &self->db, error) ||
      !sa_sandbox_auth_init (self, error))
    return NULL;
  self->readers = sa_sandbox_readers_new (db_path, CLAMP (g_get_num_processors (), 2, SA_SANDBOX_MAX_READERS),
                                          error);
  if (self->readers == NULL)
    return NULL;

  self->router = sa_sandbox_router_new (NULL, 0);
  self->server = soup_server_new ("server-header", "smart-account-desk-sandbox ", NULL);
  sa_sandbox_http_limit_bodies (self->server);
  sa_sandbox_http_answer_refused_heads (self->server);
  soup_server_add_handler (self->server, NULL, sa_sandbox_router_handle, self, NULL);

  return g_steal_pointer (&self);
}

/**
 * sa_sandbox_server_listen:
 * @self: a #SaSandboxServer
 * @address: an IPv4 or IPv6 address of this host, e.g. "127.0.0.1"
 * @port: TCP port; 0 picks a free one
 * @error: return location for a #GError
 *
 * Starts accepting connections in the caller's thread-default main context.
 * Only the loopback address is safe for training; other addresses expose the
 * sandbox to the network and are used only when asked for.
 *
 * Returns: %TRUE on success; %FALSE with @error set (%G_IO_ERROR_INVALID_ARGUMENT
 *   for an address that does not parse, socket errors otherwise).
 */
gboolean
sa_sandbox_server_listen (SaSandboxServer  *self,
                          const char       *address,
                          guint16           port,
                          GError          **error)
{
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocket) socket = NULL;

  g_return_val_if_fail (SA_IS_SANDBOX_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (self->acceptor == NULL, FALSE);

  socket_address = g_inet_socket_address_new_from_string (address, port);
  if (socket_address == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an IP address", address);
      return FALSE;
    }

  /* Our own socket and our own accepting (sa-sandbox-accept.c): libsoup
   * 3.2's listener leaks each socket it accepts, and its keep-alive
   * connections closed by the client between two requests. */
  socket = g_socket_new (g_socket_address_get_family (socket_address), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL || !g_socket_bind (socket, socket_address, TRUE, error))
    return FALSE;

  self->acceptor = sa_sandbox_acceptor_new (self->server, socket, self->tls_certificate, error);
  return self->acceptor != NULL;
}

/**
 * sa_sandbox_server_set_tls_certificate:
 * @self: a #SaSandboxServer
 * @certificate: (transfer none): the certificate, with its private key
 *
 * Makes the sandbox serve HTTPS: what a classroom needs, since the app talks
 * plain HTTP only to a server on the same computer. Call before
 * sa_sandbox_server_listen(); the base URI then starts with "https://".
 */
void
sa_sandbox_server_set_tls_certificate (SaSandboxServer *self,
                                       GTlsCertificate *certificate)
{
  g_return_if_fail (SA_IS_SANDBOX_SERVER (self));
  g_return_if_fail (G_IS_TLS_CERTIFICATE (certificate));

  g_set_object (&self->tls_certificate, certificate);
}

/**
 * sa_sandbox_server_dup_uri:
 * @self: a #SaSandboxServer
 *
 * Returns: (transfer full) (nullable): the base URI, e.g.
 *   "http://127.0.0.1:41234/", or %NULL before listening. Free with g_free().
 */
char *
sa_sandbox_server_dup_uri (SaSandboxServer *self)
{
  g_autoptr(GSocketAddress) address = NULL;
  g_autofree char *host = NULL;
  GInetSocketAddress *inet;

  g_return_val_if_fail (SA_IS_SANDBOX_SERVER (self), NULL);

  /* From the listening socket itself. */
  if (self->acceptor == NULL)
    return NULL;
  address = g_socket_get_local_address (sa_sandbox_acceptor_get_socket (self->acceptor), NULL);
  if (address == NULL || !G_IS_INET_SOCKET_ADDRESS (address))
    return NULL;

  inet = G_INET_SOCKET_ADDRESS (address);
  host = g_inet_address_to_string (g_inet_socket_address_get_address (inet));
  if (strchr (host, ':') != NULL)
    return g_strdup_printf ("%s://[%s]:%u/", self->tls_certificate != NULL ? "https" : "http", host,
                            g_inet_socket_address_get_port (inet));

  return g_strdup_printf ("%s://%s:%u/", self->tls_certificate != NULL ? "https" : "http", host,
                          g_inet_socket_address_get_port (inet));
}

/**
 * sa_sandbox_server_set_token_lifetime:
 * @self: a #SaSandboxServer
 * @seconds: lifetime of new access tokens, in seconds (at least 1)
 *
 * Sets how long access tokens issued from now on stay valid (3600 s by
 * default). For tests of token expiry.
 */
void
sa_sandbox_server_set_token_lifetime (SaSandboxServer *self,
                                      guint            seconds)
{
  g_return_if_fail (SA_IS_SANDBOX_SERVER (self));
  g_return_if_fail (seconds > 0);

  self->token_lifetime = (gint64) seconds * G_USEC_PER_SEC;
}

