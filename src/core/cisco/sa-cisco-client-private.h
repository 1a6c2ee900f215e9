/* sa-cisco-client-private.h — what the files of the Cisco back end share
 *
 * sa-cisco-client.c holds the object, sign-in and the error mapping;
 * sa-cisco-client-reads.c the boundary's reads. Not for the UI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-cisco-client.h"
#include "sa-client-private.h"

G_BEGIN_DECLS

struct _SaCiscoClient
{
  SaClient    parent_instance;

  SaCiscoApi *api;
};

/* The boundary's error for an SA_CISCO_ERROR (G_IO_ERROR_CANCELLED and
 * SA_CLIENT_ERROR pass as they are). @not_found: the code that
 * SA_CISCO_ERROR_NOT_FOUND becomes for this call. Cisco's sentence, which
 * says the next action, stays the message. A missing or refused sign-in
 * also marks @self signed out and emits "sign-in-required". */
GError *sa_cisco_client_map_error        (SaCiscoClient *self,
                                          GError        *error,
                                          SaClientError  not_found);

/* sa-cisco-client-reads.c: fills in the read operations of @client_class. */
void    sa_cisco_client_reads_init_class (SaClientClass *client_class);
void    sa_cisco_client_transfer_init_class (SaClientClass *client_class);

G_END_DECLS
