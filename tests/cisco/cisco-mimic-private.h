/* cisco-mimic-private.h — what the two files of the Cisco test double share
 *
 * cisco-mimic.c runs the server (token, faults, log, controls); the routes
 * of the Smart Accounts & Licensing API, with their fixtures, are in
 * cisco-mimic-routes.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "cisco-mimic.h"

G_BEGIN_DECLS

typedef struct
{
  char   *prefix;
  guint   remaining;
  guint   status;
  char   *content_type;
  GBytes *body;
  char   *retry_after;
} Fault;

typedef struct
{
  char   *path;
  char   *query;
  char   *body;
  gint64  time;
  guint   status;
} Entry;

struct _CiscoMimic
{
  GThread         *thread;
  GMainContext    *context;
  GMainLoop       *loop;
  SoupServer      *server;
  GTlsCertificate *certificate;
  char            *base;

  GMutex           mutex;
  GCond            cond;
  gboolean         ready;

  /* Under the mutex. */
  int              expires_in;
  gboolean         alternate;
  guint            delay_ms;
  GHashTable      *tokens;    /* token → expiry, monotonic µs (gint64 *) */
  guint            n_tokens;
  GPtrArray       *faults;
  GPtrArray       *log;
};

void      mimic_respond       (SoupServerMessage *msg,
                               Entry             *entry,
                               guint              status,
                               const char        *content_type,
                               const char        *data,
                               gsize              length);
void      mimic_respond_json  (SoupServerMessage *msg,
                               Entry             *entry,
                               guint              status,
                               const char        *json);
/* @relative: the path after MIMIC_SAL_PATH. */
void      mimic_handle_licensing (CiscoMimic        *self,
                                  SoupServerMessage *msg,
                                  const char        *relative,
                                  GHashTable        *query,
                                  Entry             *entry);

G_END_DECLS
