/* sa-cisco-client.h — the Cisco back end of the #SaClient boundary
 *
 * #SaCiscoClient answers the boundary's reads with Cisco's public APIs, through
 * an #SaCiscoApi (the three addresses, the Client ID and Secret of the user's
 * own API application, the token in memory): one order by number from the CCW
 * Order API, Smart Account search, Virtual Accounts, the user's own Smart
 * Accounts and roles, licenses with their originating orders. Cisco publishes
 * no API that writes the four procedures: those operations fail with
 * %SA_CLIENT_ERROR_NOT_SUPPORTED and the features say
 * %SA_CLIENT_FEATURE_PORTAL_HAND_OFF. docs/cisco.md maps every call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-cisco-api.h"
#include "sa-client.h"
#include "sa-error.h"

G_BEGIN_DECLS

#define SA_TYPE_CISCO_CLIENT (sa_cisco_client_get_type ())
G_DECLARE_FINAL_TYPE (SaCiscoClient, sa_cisco_client, SA, CISCO_CLIENT, SaClient)

SaClient   *sa_cisco_client_new     (SaCiscoApi    *api);
SaCiscoApi *sa_cisco_client_get_api (SaCiscoClient *self);

G_END_DECLS
