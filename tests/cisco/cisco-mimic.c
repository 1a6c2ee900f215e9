/* cisco-mimic.c — a test double speaking Cisco's APIs over loopback, for
 * what the sandbox never answers (test-cisco-double.c)
 *
 * The server in its own thread, the token endpoint (client_credentials, as
 * CISCO-APIS.md §6.1), the bearer check, the injected faults (any status,
 * any bytes), the request log and the controls. The API routes are in
 * cisco-mimic-routes.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cisco-mimic-private.h"

/* ------------------------------------------------------------------------ */
/* Helpers */

static void
fault_free (gpointer data)
{
  Fault *fault = data;

  g_free (fault->prefix);
  g_free (fault->content_type);
  g_bytes_unref (fault->body);
  g_free (fault->retry_after);
  g_free (fault);
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->path);
  g_free (entry->query);
  g_free (entry->body);
  g_free (entry);
}

/* ------------------------------------------------------------------------ */
/* Token */

static void
handle_token (CiscoMimic        *self,
              SoupServerMessage *msg,
              Entry             *entry)
{
  g_autoptr(GHashTable) form = NULL;
  g_autofree char *token = NULL;
  g_autofree char *answer = NULL;
  const char *content_type;
  gint64 *expiry;
  int expires_in;

  content_type = soup_message_headers_get_content_type (soup_server_message_get_request_headers (msg), NULL);
  if (g_strcmp0 (soup_server_message_get_method (msg), "POST") != 0 ||
      g_strcmp0 (content_type, "application/x-www-form-urlencoded") != 0 || entry->body == NULL)
    {
      mimic_respond_json (msg, entry, 400, "{\"error\":\"invalid_request\",\"error_description\":\"form expected\"}");
      return;
    }

  form = soup_form_decode (entry->body);
  if (g_strcmp0 (g_hash_table_lookup (form, "grant_type"), "client_credentials") != 0)
    {
      mimic_respond_json (msg, entry, 400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"client_credentials only\"}");
      return;
    }

  if (g_strcmp0 (g_hash_table_lookup (form, "client_id"), MIMIC_CLIENT_ID) != 0 ||
      g_strcmp0 (g_hash_table_lookup (form, "client_secret"), MIMIC_CLIENT_SECRET) != 0)
    {
      mimic_respond_json (msg, entry, 401,
                    "{\"error\":\"invalid_client\",\"error_description\":\"The client secret supplied for a confidential client is invalid.\"}");
      return;
    }

  g_mutex_lock (&self->mutex);
  expires_in = self->expires_in;
  token = g_strdup_printf ("Er2cdpFDGNsQPSsyyhBO7izCvqG5-%u", ++self->n_tokens);
  expiry = g_new (gint64, 1);
  *expiry = g_get_monotonic_time () + (gint64) expires_in * G_USEC_PER_SEC;
  g_hash_table_replace (self->tokens, g_strdup (token), expiry);
  g_mutex_unlock (&self->mutex);

  answer = g_strdup_printf ("{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":%d}",
                            token, expires_in);
  mimic_respond_json (msg, entry, 200, answer);
}

static gboolean
is_authorized (CiscoMimic        *self,
               SoupServerMessage *msg)
{
  const char *authorization =
    soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");
  gint64 *expiry;
  gboolean ok;

  if (authorization == NULL || !g_str_has_prefix (authorization, "Bearer "))
    return FALSE;

  g_mutex_lock (&self->mutex);
  expiry = g_hash_table_lookup (self->tokens, authorization + strlen ("Bearer "));
  ok = expiry != NULL && g_get_monotonic_time () < *expiry;
  g_mutex_unlock (&self->mutex);

  return ok;
}

/* ------------------------------------------------------------------------ */
/* The server */

static gboolean
on_delay_over (gpointer data)
{
  soup_server_message_unpause (data);
  return G_SOURCE_REMOVE;
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  CiscoMimic *self = user_data;
  Entry *entry = g_new0 (Entry, 1);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  Fault *fault = NULL;
  guint delay_ms;

  entry->path = g_strdup (path);
  entry->query = g_strdup (g_uri_get_query (soup_server_message_get_uri (msg)));
  if (g_bytes_get_size (body) > 0)
    entry->body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  entry->time = g_get_monotonic_time ();

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->faults->len; i++)
    {
      Fault *candidate = g_ptr_array_index (self->faults, i);

      if (candidate->remaining > 0 && g_str_has_prefix (path, candidate->prefix))
        {
          candidate->remaining--;
          fault = candidate;
          break;
        }
    }
  if (fault != NULL)
    {
      gsize size = 0;
      const char *data = g_bytes_get_data (fault->body, &size);

      if (fault->retry_after != NULL)
        soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                      "Retry-After", fault->retry_after);
      mimic_respond (msg, entry, fault->status, fault->content_type, data, size);
    }
  delay_ms = self->delay_ms;
  g_mutex_unlock (&self->mutex);

  if (fault == NULL)
    {
      if (g_str_equal (path, MIMIC_TOKEN_PATH))
        handle_token (self, msg, entry);
      else if (!is_authorized (self, msg))
        mimic_respond_json (msg, entry, 401, "{\"error\":\"invalid_token\",\"error_description\":\"The access token is invalid or has expired\"}");
      else if (g_str_has_prefix (path, MIMIC_SAL_PATH "/"))
        mimic_handle_licensing (self, msg, path + strlen (MIMIC_SAL_PATH), query, entry);
      else
        mimic_respond (msg, entry, 404, "text/html", "<h1>Not Found</h1>", strlen ("<h1>Not Found</h1>"));
    }

  g_mutex_lock (&self->mutex);
  g_ptr_array_add (self->log, entry);
  g_mutex_unlock (&self->mutex);

  if (delay_ms > 0)
    {
      GSource *source = g_timeout_source_new (delay_ms);

      soup_server_message_pause (msg);
      g_source_set_callback (source, on_delay_over, g_object_ref (msg), g_object_unref);
      g_source_attach (source, self->context);
      g_source_unref (source);
    }
}

static gpointer
server_thread (gpointer data)
{
  CiscoMimic *self = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);

  if (self->certificate != NULL)
    self->server = soup_server_new ("tls-certificate", self->certificate, NULL);
  else
    self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, handler, self, NULL);
  if (!soup_server_listen_local (self->server, 0,
                                 SOUP_SERVER_LISTEN_IPV4_ONLY |
                                 (self->certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0),
                                 &error))
    g_error ("The Cisco test double cannot listen: %s", error->message);

  uris = soup_server_get_uris (self->server);
  g_mutex_lock (&self->mutex);
  self->base = g_uri_to_string_partial (uris->data, G_URI_HIDE_PASSWORD);
  if (g_str_has_suffix (self->base, "/"))
    self->base[strlen (self->base) - 1] = '\0';
  self->ready = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (self->loop);

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

/**
 * cisco_mimic_new:
 * @certificate: (nullable): serve HTTPS with this certificate, or plain HTTP
 *
 * Starts the double on 127.0.0.1, on a free port, in its own thread.
 *
 * Returns: (transfer full): the running double
 */
CiscoMimic *
cisco_mimic_new (GTlsCertificate *certificate)
{
  CiscoMimic *self = g_new0 (CiscoMimic, 1);

  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->expires_in = 3599;
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->faults = g_ptr_array_new_with_free_func (fault_free);
  self->log = g_ptr_array_new_with_free_func (entry_free);
  self->certificate = certificate != NULL ? g_object_ref (certificate) : NULL;
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);

  self->thread = g_thread_new ("cisco-mimic", server_thread, self);

  g_mutex_lock (&self->mutex);
  while (!self->ready)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);

  return self;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/**
 * cisco_mimic_free:
 * @self: the double
 *
 * Stops the server and its thread.
 */
void
cisco_mimic_free (CiscoMimic *self)
{
  g_main_context_invoke (self->context, quit_loop, self->loop);
  g_thread_join (self->thread);

  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_clear_object (&self->certificate);
  g_hash_table_unref (self->tokens);
  g_ptr_array_unref (self->faults);
  g_ptr_array_unref (self->log);
  g_free (self->base);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}

/**
 * cisco_mimic_uri:
 * @self: the double
 * @path: a path starting with "/"
 *
 * Returns: (transfer full): the address of @path on the double
 */
char *
cisco_mimic_uri (CiscoMimic *self,
                 const char *path)
{
  return g_strconcat (self->base, path, NULL);
}

/**
 * cisco_mimic_new_api:
 * @self: the double
 *
 * A client pointed at the double, with its credentials, short back-offs and
 * no rate limit (tests that need them set their own).
 *
 * Returns: (transfer full): a new #SaCiscoApi
 */
SaCiscoApi *
cisco_mimic_new_api (CiscoMimic *self)
{
  g_autofree char *identity = cisco_mimic_uri (self, MIMIC_TOKEN_PATH);
  g_autofree char *licensing = cisco_mimic_uri (self, MIMIC_SAL_PATH);
  g_autofree char *order = cisco_mimic_uri (self, MIMIC_ORDER_PATH);
  SaCiscoApi *api = sa_cisco_api_new (identity, licensing, order);

  sa_cisco_api_set_credentials (api, MIMIC_CLIENT_ID, MIMIC_CLIENT_SECRET);
  sa_cisco_api_set_retry_policy (api, 3, 20, 10);
  sa_cisco_api_set_rate_limit (api, 0, 1);
  sa_cisco_api_set_timeout (api, 10);
  return api;
}

/**
 * cisco_mimic_set_expires_in:
 *
 * Sets the `expires_in` of the tokens issued from now on (seconds); the
 * double refuses a token once it has run out.
 */
void
cisco_mimic_set_expires_in (CiscoMimic *self,
                            int         seconds)
{
  g_mutex_lock (&self->mutex);
  self->expires_in = seconds;
  g_mutex_unlock (&self->mutex);
}

/**
 * cisco_mimic_set_alternate_spellings:
 *
 * Makes search rows use `accountDomain/accountName/accountType/accountStatus`
 * instead of `domain/name/type/status`.
 */
void
cisco_mimic_set_alternate_spellings (CiscoMimic *self,
                                     gboolean    alternate)
{
  g_mutex_lock (&self->mutex);
  self->alternate = alternate;
  g_mutex_unlock (&self->mutex);
}

/**
 * cisco_mimic_set_delay:
 *
 * Holds every answer back @milliseconds (0: none), to cancel calls under way.
 */
void
cisco_mimic_set_delay (CiscoMimic *self,
                       guint       milliseconds)
{
  g_mutex_lock (&self->mutex);
  self->delay_ms = milliseconds;
  g_mutex_unlock (&self->mutex);
}

/**
 * cisco_mimic_add_fault:
 *
 * Answers the next @count requests under @path_prefix with @status, @body
 * (any bytes) of @content_type, and `Retry-After: @retry_after` when given.
 */
void
cisco_mimic_add_fault (CiscoMimic *self,
                       const char *path_prefix,
                       guint       count,
                       guint       status,
                       const char *content_type,
                       const char *body,
                       const char *retry_after)
{
  Fault *fault = g_new0 (Fault, 1);

  fault->prefix = g_strdup (path_prefix);
  fault->remaining = count;
  fault->status = status;
  fault->content_type = g_strdup (content_type);
  fault->body = g_bytes_new (body, body != NULL ? strlen (body) : 0);
  fault->retry_after = g_strdup (retry_after);

  g_mutex_lock (&self->mutex);
  g_ptr_array_add (self->faults, fault);
  g_mutex_unlock (&self->mutex);
}

/**
 * cisco_mimic_count:
 *
 * Returns: how many requests under @path_prefix arrived
 */
guint
cisco_mimic_count (CiscoMimic *self,
                   const char *path_prefix)
{
  guint n = 0;

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->log->len; i++)
    if (g_str_has_prefix (((Entry *) g_ptr_array_index (self->log, i))->path, path_prefix))
      n++;
  g_mutex_unlock (&self->mutex);

  return n;
}

/**
 * cisco_mimic_times:
 *
 * Returns: (transfer full): the monotonic times (µs, #gint64) at which the
 *   requests under @path_prefix arrived
 */
GArray *
cisco_mimic_times (CiscoMimic *self,
                   const char *path_prefix)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->log->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->log, i);

      if (g_str_has_prefix (entry->path, path_prefix))
        g_array_append_val (times, entry->time);
    }
  g_mutex_unlock (&self->mutex);

  return times;
}

/**
 * cisco_mimic_reset_log:
 *
 * Forgets the request log and any fault not yet used.
 */
void
cisco_mimic_reset_log (CiscoMimic *self)
{
  g_mutex_lock (&self->mutex);
  g_ptr_array_set_size (self->log, 0);
  g_ptr_array_set_size (self->faults, 0);
  g_mutex_unlock (&self->mutex);
}
