"""The receiver of the blog post "Setting up and configuring webhooks in Python", as written there.

Its signature check is the post's: sha256(secret + body) in X-Signature, compared with !=. It parses the JSON and
reads event_type and data as the post's handler does, then answers; it stores nothing. Benchmark peer only.
"""
import hashlib
import os

from flask import Flask, request

app = Flask(__name__)

SECRET_TOKEN = os.environ.get('BENCH_SECRET', 'bench-secret')


@app.route('/webhook', methods=['POST'])
def handle_webhook():
    signature = request.headers.get('X-Signature')
    payload = request.get_data()

    expected_signature = hashlib.sha256(SECRET_TOKEN.encode() + payload).hexdigest()

    if signature != expected_signature:
        return 'Invalid signature', 403

    payload = request.get_json()
    event_type = payload['event_type']
    data = payload['data']

    # Process the payload based on the event_type

    return 'Webhook received successfully'
