// Held times through the demo API, for the specs that walk a time held for a patient (offer,
// alerts, Welsh, pseudo-locale): another patient books and cancels a time, which frees it (and
// holds it for a matching earlier-time alert), and the demo's outbox has the text message.
import type { APIRequestContext } from '@playwright/test';
import { expect } from './helpers';

/** A text message the demo API "sent". */
export type Message = { to: string; text: string; link: string | null; kind: string; alert: string };

let made = 0;

/** Books `slotId` for a patient through the API; returns the booking's reference. */
export async function bookThroughApi(request: APIRequestContext, slotId: string, dob: string, name: string): Promise<string> {
  const booked = await request.post('/api/bookings', {
    headers: { 'Idempotency-Key': `${name}-${Date.now()}-${++made}` },
    data: {
      slot_id: slotId,
      patient: { given_name: name, family_name: 'Patient', date_of_birth: dob, phone: '07700 900999' },
      reminders: { sms: true, email: false },
      channel: 'online',
      source: 'web',
    },
  });
  expect(booked.status(), await booked.text()).toBe(201);
  return (await booked.json()).reference;
}

/** Another patient books `slotId` and cancels it again, so the time is freed. */
export async function freeUp(request: APIRequestContext, slotId: string): Promise<void> {
  const reference = await bookThroughApi(request, slotId, '1970-01-01', 'Other');
  const cancelled = await request.post(`/api/bookings/${reference}/cancel`, { data: { date_of_birth: '1970-01-01' } });
  expect(cancelled.status(), await cancelled.text()).toBe(200);
}

/** Every text message the demo API has "sent" since its reset. */
export async function outbox(request: APIRequestContext): Promise<Message[]> {
  const res = await request.get('/__demo/outbox');
  expect(res.status(), 'GET /__demo/outbox').toBe(200);
  return (await res.json()).messages;
}

/** The links of the "offer held" text messages sent so far, oldest first. */
export async function offerLinks(request: APIRequestContext): Promise<string[]> {
  return (await outbox(request)).filter((m) => m.kind === 'offer_held').map((m) => m.link ?? '');
}

/** The link in the newest "held for you" text message. */
export async function offerLink(request: APIRequestContext): Promise<string> {
  const link = (await offerLinks(request)).pop() ?? '';
  expect(link, 'a text message with the offer link').toMatch(/^\/\?offer=\w+$/);
  return link;
}
