-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Training data of the sandbox back office. Every company, person, domain,
-- number and address here is fictional. Every user of the sandbox (the
-- trainee and those a trainer adds) works on a copy of its own: this script
-- runs into temporary tables, whose rows are then copied into the user's
-- tenant, on first start, when a trainee is added, and on reset. The
-- 'trainee' below is the template's tenant name only.
--
-- The trainee works for the partner Northwind Networks SARL (NORTHWIND); the
-- orders of Blue Harbour Integrators Ltd (BLUEHARBOUR) exist in the same data
-- but the trainee may not see them.

INSERT INTO partners (tenant, id, name, country) VALUES
  ('trainee', 'NORTHWIND', 'Northwind Networks SARL', 'FR'),
  ('trainee', 'BLUEHARBOUR', 'Blue Harbour Integrators Ltd', 'GB');

-- The password hash '!' is replaced at load time by a yescrypt hash of the
-- training password (see sa-sandbox-server.c); '!' never matches any password.
INSERT OR IGNORE INTO users (username, password_hash, tenant, partner, first_name, last_name, email, country, phone) VALUES
  ('trainee', '!', 'trainee', 'NORTHWIND', 'Camille', 'Martin',
   'camille.martin@northwind-networks.example', 'FR', '+33 1 99 00 12 34');

INSERT INTO smart_accounts (tenant, id, domain, name, type, status, email) VALUES
  ('trainee', 'SA-100001', 'acme-industrie.fr',            'Acme Industrie',                'CUSTOMER', 'ACTIVE',  'it@acme-industrie.fr'),
  ('trainee', 'SA-100002', 'northwind-networks.example',   'Northwind Networks Holding',    'HOLDING',  'ACTIVE',  'licensing@northwind-networks.example'),
  ('trainee', 'SA-100003', 'northwind-networks.example',   'Northwind Networks SARL',       'CUSTOMER', 'ACTIVE',  'it@northwind-networks.example'),
  ('trainee', 'SA-100004', 'boulangeries-delorme.example', 'Boulangeries Delorme',          'CUSTOMER', 'PENDING', 'dsi@boulangeries-delorme.example'),
  ('trainee', 'SA-100005', 'ferrovie-toscane.example',     'Ferrovie Toscane S.p.A.',       'CUSTOMER', 'ACTIVE',  'sistemi@ferrovie-toscane.example'),
  ('trainee', 'SA-100006', 'pasticceria-brera.example',    'Pasticceria Brera S.r.l.',      'CUSTOMER', 'PENDING', 'info@pasticceria-brera.example'),
  ('trainee', 'SA-100007', 'kestrel-logistics.example',    'Kestrel Logistics Ltd',         'CUSTOMER', 'ACTIVE',  'netops@kestrel-logistics.example'),
  ('trainee', 'SA-100008', 'sakura-trading.example',       'Sakura Trading Europe',         'CUSTOMER', 'ACTIVE',  'it-europe@sakura-trading.example'),
  ('trainee', 'SA-100009', 'clinique-saint-roch.example',  'Clinique Saint-Roch',           'CUSTOMER', 'ACTIVE',  'informatique@clinique-saint-roch.example'),
  ('trainee', 'SA-100010', 'alpes-distribution.example',   'Alpes Distribution Holding',    'HOLDING',  'PENDING', 'licences@alpes-distribution.example'),
  ('trainee', 'SA-100011', 'harbour-analytics.example',    'Harbour Analytics plc',         'CUSTOMER', 'EXPIRED', 'it@harbour-analytics.example'),
  ('trainee', 'SA-100012', 'comune-verona.example',        'Comune di Verona – Servizi IT', 'CUSTOMER', 'ACTIVE',  'ced@comune-verona.example'),
  ('trainee', 'SA-100013', 'blue-harbour.example',         'Blue Harbour Holding',          'HOLDING',  'ACTIVE',  'licensing@blue-harbour.example'),
  ('trainee', 'SA-100014', 'hotel-belle-rive.example',     'Hôtel Belle Rive',              'CUSTOMER', 'ACTIVE',  'reception.it@hotel-belle-rive.example');

INSERT INTO virtual_accounts (tenant, account_id, name, description, is_default, position) VALUES
  ('trainee', 'SA-100001', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100001', 'Production',  'Usine de Lyon, réseau de production', 0, 1),
  ('trainee', 'SA-100001', 'Laboratoire', 'Laboratoire de tests', 0, 2),
  ('trainee', 'SA-100002', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100002', 'Stock',       'Licences en attente de réaffectation', 0, 1),
  ('trainee', 'SA-100003', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100003', 'Demo Lab',    'Maquettes et démonstrations', 0, 1),
  ('trainee', 'SA-100004', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100004', 'Magasins',    'Réseau des magasins', 0, 1),
  ('trainee', 'SA-100005', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100005', 'Firenze',     'Sede di Firenze', 0, 1),
  ('trainee', 'SA-100005', 'Pisa',        'Deposito di Pisa', 0, 2),
  ('trainee', 'SA-100006', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100007', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100007', 'Warehouses',  'Distribution centres', 0, 1),
  ('trainee', 'SA-100007', 'Head Office', 'Manchester head office', 0, 2),
  ('trainee', 'SA-100008', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100008', '東京オフィス', 'Tokyo office (double-byte name)', 0, 1),
  ('trainee', 'SA-100008', 'Paris',       'Bureau de Paris', 0, 2),
  ('trainee', 'SA-100009', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100009', 'Bloc opératoire', 'Réseau du bloc opératoire', 0, 1),
  ('trainee', 'SA-100010', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100011', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100012', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100012', 'Scuole',      'Rete delle scuole comunali', 0, 1),
  ('trainee', 'SA-100013', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100014', 'DEFAULT',     'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100014', 'Wi-Fi clients', 'Réseau Wi-Fi des clients', 0, 1);

-- Columns: number, web order, PO, status, export hold, end customer, description,
-- created, version, partner, End Customer account + VA, Holding account + VA.
INSERT INTO orders (tenant, sales_order_number, web_order_id, purchase_order_number, status, export_hold,
                    end_customer_name, description, created_date, version, partner,
                    end_customer_account, end_customer_va, holding_account, holding_va) VALUES
  -- unassigned
  ('trainee', '104857601', 'WO73910452', 'PO-ACME-2291',  'BOOKED',    0, 'Acme Industrie SA',          'Catalyst 9300 48-port PoE+ switch, Network Advantage, 3Y', '2026-09-14', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857602', 'WO73910467', 'PO-ACME-2304',  'ENTERED',   0, 'Acme Industrie SA',          'Meraki MR46 access points (x12) with 5Y licences', '2026-09-18', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857603', 'WO73911020', 'PO-DEL-0087',   'BOOKED',    0, 'Boulangeries Delorme',       'ISR 1100 routers (x8), DNA Essentials, 3Y', '2026-09-22', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857604', 'WO73911388', 'PO-FT-44120',   'SCHEDULED', 0, 'Ferrovie Toscane S.p.A.',    'Catalyst 9500 core switches (x2), DNA Advantage, 5Y', '2026-09-25', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857605', 'WO73911391', 'PO-KL-7781',    'ENTERED',   0, 'Kestrel Logistics Ltd',      'Webex Room Kit Mini (x6) with Webex Suite', '2026-10-01', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857606', 'WO73911402', 'PO-CSR-2026-14','BOOKED',    1, 'Clinique Saint-Roch',        'Firepower 2130 NGFW pair, Threat Defense subscription, 3Y', '2026-10-02', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857607', 'WO73911455', 'PO-PB-311',     'BOOKED',    0, 'Pasticceria Brera S.r.l.',   'Meraki MX68 security appliance, Advanced Security, 3Y', '2026-10-03', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857608', 'WO73911501', 'PO-HBR-0042',   'SCHEDULED', 0, 'Hôtel Belle Rive',           'Catalyst 9120 access points (x30), DNA Essentials, 5Y', '2026-10-06', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857609', 'WO73911533', 'PO-SAK-9001',   'BOOKED',    0, 'Sakura Trading Europe',      'Catalyst 8300 edge platform, DNA Advantage, 3Y', '2026-10-08', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857610', 'WO73911570', 'PO-VR-2026-77', 'ENTERED',   1, 'Comune di Verona',           'Identity Services Engine, Advantage licences (500)', '2026-10-09', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  -- on the partner's Holding Smart Account only
  ('trainee', '104857611', 'WO73910588', 'PO-ACME-2250',  'BOOKED',    0, 'Acme Industrie SA',          'Catalyst 9200L 24-port switches (x10), DNA Essentials, 3Y', '2026-08-28', 2, 'NORTHWIND', NULL, NULL, 'SA-100002', 'DEFAULT'),
  ('trainee', '104857612', 'WO73910602', 'PO-DEL-0079',   'SCHEDULED', 0, 'Boulangeries Delorme',       'Meraki Go GR12 access points (x20)', '2026-08-30', 2, 'NORTHWIND', NULL, NULL, 'SA-100002', 'Stock'),
  ('trainee', '104857613', 'WO73910644', 'PO-KL-7702',    'BOOKED',    0, 'Kestrel Logistics Ltd',      'Secure Endpoint Essentials (250 endpoints), 1Y', '2026-09-02', 2, 'NORTHWIND', NULL, NULL, 'SA-100002', 'DEFAULT'),
  ('trainee', '104857614', 'WO73910671', 'PO-FT-44002',   'ENTERED',   0, 'Ferrovie Toscane S.p.A.',    'Industrial Ethernet IE-3400 switches (x16)', '2026-09-04', 2, 'NORTHWIND', NULL, NULL, 'SA-100002', 'DEFAULT'),
  ('trainee', '104857615', 'WO73910690', 'PO-SAK-8870',   'BOOKED',    1, 'Sakura Trading Europe',      'Umbrella DNS Security Advantage (300 users), 3Y', '2026-09-05', 2, 'NORTHWIND', NULL, NULL, 'SA-100002', 'DEFAULT'),
  ('trainee', '104857616', 'WO73910713', 'PO-CSR-2026-09','SCHEDULED', 0, 'Clinique Saint-Roch',        'Catalyst 9300X switches (x4), DNA Advantage, 5Y', '2026-09-07', 2, 'NORTHWIND', NULL, NULL, 'SA-100002', 'DEFAULT'),
  -- already on an End Customer Smart Account
  ('trainee', '104857617', 'WO73909815', 'PO-ACME-2188',  'BOOKED',    0, 'Acme Industrie SA',          'Webex Calling Professional (150 users), 3Y', '2026-07-15', 3, 'NORTHWIND', 'SA-100001', 'DEFAULT', NULL, NULL),
  ('trainee', '104857618', 'WO73909840', 'PO-FT-43871',   'SCHEDULED', 0, 'Ferrovie Toscane S.p.A.',    'Catalyst 9800-L wireless controller, DNA Advantage, 5Y', '2026-07-18', 3, 'NORTHWIND', 'SA-100005', 'Firenze', 'SA-100002', 'DEFAULT'),
  ('trainee', '104857619', 'WO73909866', 'PO-VR-2026-51', 'ENTERED',   0, 'Comune di Verona',           'Meraki MS250 switches (x6) with 5Y licences', '2026-07-21', 2, 'NORTHWIND', 'SA-100012', 'Scuole', NULL, NULL),
  ('trainee', '104857620', 'WO73909871', 'PO-SAK-8812',   'BOOKED',    0, 'Sakura Trading Europe',      'Duo Advantage (80 users), 3Y', '2026-07-22', 2, 'NORTHWIND', 'SA-100008', '東京オフィス', NULL, NULL),
  ('trainee', '104857621', 'WO73909902', 'PO-DEL-0061',   'BOOKED',    0, 'Boulangeries Delorme',       'Meraki Z4 teleworker gateways (x15)', '2026-07-25', 2, 'NORTHWIND', 'SA-100004', 'DEFAULT', NULL, NULL),
  ('trainee', '104857622', 'WO73909935', 'PO-HBR-0031',   'SCHEDULED', 0, 'Hôtel Belle Rive',           'ISR 4331 router, Security and Unified Communications', '2026-07-29', 2, 'NORTHWIND', 'SA-100014', 'Wi-Fi clients', NULL, NULL),
  -- shipped
  ('trainee', '104857623', 'WO73908120', 'PO-ACME-2010',  'SHIPPED',   0, 'Acme Industrie SA',          'Catalyst 9300 24-port switches (x6), Network Essentials, 3Y', '2026-05-12', 4, 'NORTHWIND', 'SA-100001', 'Production', NULL, NULL),
  ('trainee', '104857624', 'WO73908155', 'PO-KL-7540',    'SHIPPED',   0, 'Kestrel Logistics Ltd',      'Meraki MV12 cameras (x24) with 5Y licences', '2026-05-20', 3, 'NORTHWIND', 'SA-100007', 'Warehouses', NULL, NULL),
  ('trainee', '104857625', 'WO73908190', 'PO-FT-43500',   'SHIPPED',   0, 'Ferrovie Toscane S.p.A.',    'ASR 1001-X routers (x2), DNA Advantage, 5Y', '2026-05-27', 3, 'NORTHWIND', NULL, NULL, 'SA-100002', 'DEFAULT'),
  ('trainee', '104857626', 'WO73908233', 'PO-CSR-2026-02','SHIPPED',   1, 'Clinique Saint-Roch',        'Secure Email Gateway C195 pair, 3Y', '2026-06-03', 3, 'NORTHWIND', 'SA-100009', 'DEFAULT', NULL, NULL),
  ('trainee', '104857627', 'WO73908268', 'PO-NWN-INT-12', 'SHIPPED',   0, 'Northwind Networks SARL',    'Catalyst 9200 lab switches (x4), DNA Essentials, 3Y', '2026-06-10', 2, 'NORTHWIND', 'SA-100003', 'Demo Lab', NULL, NULL),
  ('trainee', '104857628', 'WO73908301', 'PO-HA-5530',    'SHIPPED',   0, 'Harbour Analytics plc',      'Nexus 93180YC-FX data centre switches (x2)', '2026-06-16', 2, 'NORTHWIND', NULL, NULL, NULL, NULL),
  -- more to page through
  ('trainee', '104857629', 'WO73912004', 'PO-ACME-2330',  'ENTERED',   0, 'Acme Industrie SA',          'Smart Net Total Care renewal, Catalyst 9300 (x6)', '2026-10-13', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857630', 'WO73912031', 'PO-PB-322',     'BOOKED',    0, 'Pasticceria Brera S.r.l.',   'Meraki MR36 access points (x4) with 3Y licences', '2026-10-14', 1, 'NORTHWIND', NULL, NULL, 'SA-100002', 'DEFAULT'),
  ('trainee', '104857631', 'WO73912066', 'PO-KL-7810',    'SCHEDULED', 0, 'Kestrel Logistics Ltd',      'Catalyst IR1101 rugged routers (x10)', '2026-10-15', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857632', 'WO73912090', 'PO-VR-2026-80', 'BOOKED',    0, 'Comune di Verona',           'Webex Meetings Enterprise Agreement, 3Y', '2026-10-16', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  ('trainee', '104857633', 'WO73912115', 'PO-HBR-0050',   'ENTERED',   0, 'Hôtel Belle Rive',           'Meraki MS120 switches (x3) with 3Y licences', '2026-10-17', 1, 'NORTHWIND', NULL, NULL, NULL, NULL),
  -- another partner's orders: the trainee may not see them
  ('trainee', '209715201', 'WO81200311', 'PO-BH-1001',    'BOOKED',    0, 'Harbour Analytics plc',      'Catalyst 9400 chassis, DNA Advantage, 5Y', '2026-09-10', 1, 'BLUEHARBOUR', NULL, NULL, 'SA-100013', 'DEFAULT'),
  ('trainee', '209715202', 'WO81200348', 'PO-BH-1002',    'ENTERED',   0, 'Kestrel Logistics Ltd',      'Meraki MX250 security appliances (x2)', '2026-09-12', 1, 'BLUEHARBOUR', NULL, NULL, NULL, NULL),
  ('trainee', '209715203', 'WO81200392', 'PO-ACME-BH-77', 'SHIPPED',   0, 'Acme Industrie SA',          'Secure Firewall 3110 pair, 3Y', '2026-06-02', 2, 'BLUEHARBOUR', 'SA-100001', 'DEFAULT', NULL, NULL);

-- Restricted Smart Accounts (procedure 4): account search finds them only for
-- a user whose access request was approved. groupe-hexagone.example is shared
-- by two of them (a request must say which); vigneti-colli.example has one.
-- The last three carry the trainee's existing access requests below.
INSERT INTO smart_accounts (tenant, id, domain, name, type, status, email, restricted) VALUES
  ('trainee', 'SA-100015', 'groupe-hexagone.example',   'Groupe Hexagone France',  'CUSTOMER', 'ACTIVE', 'dsi@groupe-hexagone.example', 1),
  ('trainee', 'SA-100016', 'groupe-hexagone.example',   'Groupe Hexagone Holding', 'HOLDING',  'ACTIVE', 'licences@groupe-hexagone.example', 1),
  ('trainee', 'SA-100017', 'vigneti-colli.example',     'Vigneti dei Colli S.r.l.', 'CUSTOMER', 'ACTIVE', 'it@vigneti-colli.example', 1),
  ('trainee', 'SA-100018', 'atelier-meridien.example',  'Atelier Méridien',        'CUSTOMER', 'ACTIVE', 'reseau@atelier-meridien.example', 1),
  ('trainee', 'SA-100019', 'lagune-shipping.example',   'Lagune Shipping SAS',     'CUSTOMER', 'ACTIVE', 'it@lagune-shipping.example', 1),
  ('trainee', 'SA-100020', 'nordlicht-energie.example', 'Nordlicht Energie GmbH',  'CUSTOMER', 'ACTIVE', 'it@nordlicht-energie.example', 1);

INSERT INTO virtual_accounts (tenant, account_id, name, description, is_default, position) VALUES
  ('trainee', 'SA-100015', 'DEFAULT', 'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100015', 'Sites',   'Réseau des sites régionaux', 0, 1),
  ('trainee', 'SA-100016', 'DEFAULT', 'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100017', 'DEFAULT', 'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100018', 'DEFAULT', 'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100019', 'DEFAULT', 'Default Virtual Account', 1, 0),
  ('trainee', 'SA-100019', 'Terminals', 'Port terminals', 0, 1),
  ('trainee', 'SA-100020', 'DEFAULT', 'Default Virtual Account', 1, 0);

-- The trainee's Smart Account requests (procedure 3). Dates are seconds since
-- the epoch, relative to the moment the data is loaded; a request expires 90
-- days after it was made unless the customer accepts it.
INSERT INTO account_requests (tenant, id, account_id, account_name, account_domain, customer_email,
                              note_to_customer, users, note_to_users, status, created_at, expires_at) VALUES
  ('trainee', 'AR-000001', 'SA-100004', 'Boulangeries Delorme', 'boulangeries-delorme.example',
   'dsi@boulangeries-delorme.example', 'Compte pour les licences des magasins.',
   '["camille.martin@northwind-networks.example"]', '',
   'PENDING', CAST(strftime('%s', 'now', '-20 days') AS INTEGER), CAST(strftime('%s', 'now', '+70 days') AS INTEGER)),
  ('trainee', 'AR-000002', 'SA-100006', 'Pasticceria Brera S.r.l.', 'pasticceria-brera.example',
   'info@pasticceria-brera.example', 'Account per le licenze Meraki.',
   '[]', '',
   'PENDING', CAST(strftime('%s', 'now', '-85 days') AS INTEGER), CAST(strftime('%s', 'now', '+5 days') AS INTEGER)),
  ('trainee', 'AR-000003', 'SA-100014', 'Hôtel Belle Rive', 'hotel-belle-rive.example',
   'reception.it@hotel-belle-rive.example', '',
   '["camille.martin@northwind-networks.example", "support@northwind-networks.example"]', 'Accès pour le support.',
   'ACTIVE', CAST(strftime('%s', 'now', '-150 days') AS INTEGER), CAST(strftime('%s', 'now', '-60 days') AS INTEGER));

-- The trainee's access requests (procedure 4): one pending (a reminder may be
-- sent: the last one was three days ago), one approved (Lagune Shipping is
-- found by account search), one denied.
INSERT INTO access_requests (tenant, id, account_id, reason, status, created_at, decided_at, last_reminder_at) VALUES
  ('trainee', 'XR-000001', 'SA-100018', 'Nous gérons le renouvellement du réseau Wi-Fi de l''atelier.',
   'PENDING', CAST(strftime('%s', 'now', '-5 days') AS INTEGER), NULL, CAST(strftime('%s', 'now', '-3 days') AS INTEGER)),
  ('trainee', 'XR-000002', 'SA-100019', 'Partner in charge of the port terminals network refresh.',
   'APPROVED', CAST(strftime('%s', 'now', '-30 days') AS INTEGER), CAST(strftime('%s', 'now', '-28 days') AS INTEGER), NULL),
  ('trainee', 'XR-000003', 'SA-100020', 'Renewal of the firewall subscriptions.',
   'DENIED', CAST(strftime('%s', 'now', '-20 days') AS INTEGER), CAST(strftime('%s', 'now', '-15 days') AS INTEGER), NULL);
