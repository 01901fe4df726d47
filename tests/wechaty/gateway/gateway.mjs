// clusterbot's offline WeChat for end-to-end tests: a Wechaty puppet service (wechaty-puppet-service)
// serving a scripted mock account (wechaty-puppet-mock) on 127.0.0.1:$GATEWAY_PORT.
//
// python-wechaty 0.10 speaks plaintext gRPC, so the server runs without TLS. The test drives the
// fake world with one JSON command per line on stdin and reads one JSON event per line on stdout
// (node's own logs go to stderr). Every event carries t, the gateway's wall clock in ms.
//
//   fixture (env GATEWAY_FIXTURE, JSON): {"self": {"id","name"}, "contacts": [{"id","name"}],
//     "rooms": [{"id","topic","memberIdList"}], "aliases": {"<room>": {"<contact>": "单位-姓名"}}}
//   commands: say {from, room?, text, mentions?}   a member speaks (no room: privately to the bot)
//             say_batch {messages: [say...]}       many at once (a burst); replies with their ids
//             say_file {from, room?, name, base64}
//             redeliver {id}                        deliver the same message event again
//             contact {id, name} (kept if it exists) | alias {room, contact, alias}
//             join {room, contacts, by} | leave {room, contacts, by} | topic {room, topic, by}
//             exit_after_sends {count}              go down right after the bot's next `count` sends
//   events:   listening | logged_in | bot_send_text {conversation, text, mentions, id}
//             bot_send_file {conversation, name, base64, id} | ok {seq, id, ids} | error | stopped
//
// Room ids contain "@" (the mock routes by it); contact ids do not.
import fs from 'node:fs'
import readline from 'node:readline'
import { performance } from 'node:perf_hooks'
import { FileBox } from 'file-box'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { PuppetServer } from 'wechaty-puppet-service'

process.env.WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_SERVER = 'true'
const PORT = parseInt(process.env.GATEWAY_PORT || '8788', 10)
const TOKEN = process.env.GATEWAY_TOKEN || 'clusterbot-test-token'
const fixture = JSON.parse(process.env.GATEWAY_FIXTURE || '{}')
const self = fixture.self || { id: 'bot_user', name: '园区助手' }
const aliases = fixture.aliases || {}

const now = () => performance.timeOrigin + performance.now()
const emit = obj => process.stdout.write(JSON.stringify({ ...obj, t: now() }) + '\n')

const mocker = new mock.Mocker()
const newContact = c => mocker.createContact({ alias: undefined, ...c })
const newRoom = r => mocker.createRoom({ adminIdList: [], ownerId: undefined, memberIdList: [], ...r })
const botContact = newContact(self)
for (const c of fixture.contacts || []) newContact(c)
for (const r of fixture.rooms || []) newRoom(r)
const C = id => mocker.ContactMock.load(id)
const R = id => mocker.RoomMock.load(id)
const newestMessageId = () => [...mocker.cacheMessagePayload.keys()].pop()

mocker.use(function login (m) { // every time a client starts the puppet
  m.login(botContact)
  emit({ event: 'logged_in', user: botContact.id })
  setTimeout(() => m.puppet.emit('ready', { data: 'ready' }), 20)
  return () => {}
})

class Observed extends PuppetMock {
  async messageSendText (conversationId, text, mentionIdList) {
    await super.messageSendText(conversationId, text)
    const id = newestMessageId()
    const payload = mocker.cacheMessagePayload.get(id)
    if (payload && mentionIdList?.length) payload.mentionIdList = mentionIdList
    emit({ event: 'bot_send_text', conversation: conversationId, text, mentions: mentionIdList || [], id })
    countSend()
    return id
  }

  async messageSendFile (conversationId, file) {
    await super.messageSendFile(conversationId, file)
    const id = newestMessageId()
    let base64 = null
    try { base64 = await file.toBase64() } catch { base64 = null }
    emit({ event: 'bot_send_file', conversation: conversationId, name: file.name, base64, id })
    return id
  }

  async roomMemberRawPayload (roomId, contactId) { // the mock has no group nicknames
    const payload = await super.roomMemberRawPayload(roomId, contactId)
    return { ...payload, roomAlias: aliases[roomId]?.[contactId] || '' }
  }
}

let exitAfterSends = Infinity // the service goes down right after this many more sends
function countSend () {
  if (--exitAfterSends <= 0) setImmediate(shutdown) // the reply to the send still goes out
}

const puppet = new Observed({ mocker })
const server = new PuppetServer({ endpoint: `127.0.0.1:${PORT}`, puppet, token: TOKEN })
await server.start()
emit({ event: 'listening', port: PORT })

function say (cmd) {
  const target = cmd.room ? R(cmd.room) : C(cmd.to || botContact.id)
  C(cmd.from).say(cmd.text, (cmd.mentions || []).map(C)).to(target)
  return newestMessageId()
}

const commands = {
  say,
  say_batch: cmd => ({ ids: cmd.messages.map(say) }),
  say_file: cmd => {
    const target = cmd.room ? R(cmd.room) : C(cmd.to || botContact.id)
    C(cmd.from).say(FileBox.fromBase64(cmd.base64, cmd.name)).to(target)
    return newestMessageId()
  },
  redeliver: cmd => { puppet.emit('message', { messageId: cmd.id }); return cmd.id },
  contact: cmd => mocker.cacheContactPayload.has(cmd.id) ? cmd.id : newContact({ id: cmd.id, name: cmd.name || cmd.id }).id,
  alias: cmd => { (aliases[cmd.room] ||= {})[cmd.contact] = cmd.alias },
  join: cmd => { R(cmd.room).add(...cmd.contacts.map(C)).by(C(cmd.by)) },
  leave: cmd => { R(cmd.room).remove(...cmd.contacts.map(C)).by(C(cmd.by)) },
  topic: cmd => { R(cmd.room).topic(cmd.topic).by(C(cmd.by)) },
  exit_after_sends: cmd => { exitAfterSends = cmd.count },
}

let seq = 0
readline.createInterface({ input: process.stdin }).on('line', line => {
  if (!line.trim()) return
  const n = ++seq
  let cmd = {}
  try {
    cmd = JSON.parse(line)
    if (cmd.cmd === 'quit') return shutdown()
    const run = commands[cmd.cmd]
    if (!run) throw new Error('unknown command ' + cmd.cmd)
    const result = run(cmd)
    emit({ event: 'ok', seq: n, cmd: cmd.cmd, ...(typeof result === 'object' ? result : { id: result }) })
  } catch (e) {
    emit({ event: 'error', seq: n, cmd: cmd.cmd, error: String(e) })
  }
})

let stopping = false
async function shutdown () {
  if (stopping) return
  stopping = true
  try { await server.stop() } catch (e) { process.stderr.write(`server.stop: ${e}\n`) }
  try { await puppet.stop() } catch (e) { process.stderr.write(`puppet.stop: ${e}\n`) }
  emit({ event: 'stopped' })
  process.exit(0)
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
if (fs.fstatSync(0).isFIFO()) process.stdin.on('close', shutdown) // the test went away
